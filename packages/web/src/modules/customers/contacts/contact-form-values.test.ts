import type { Contact } from '@berth/domain';
import { describe, expect, it } from 'vitest';
import { contactToValues } from './contact-form-values';

describe('contactToValues', () => {
  it('shows stored phones as written, the extension with 转 instead of ";ext="', () => {
    const contact = {
      name: '赵敏',
      title: null,
      phones: ['+8657487654321;ext=808', '+8615965346508'],
      emails: [],
      wechat: null,
      birthday: null,
      isPrimary: true,
      preferredChannel: null,
      marketingConsent: false,
    } as unknown as Contact;
    expect(contactToValues(contact).phones).toEqual(['+86 574 8765 4321 转 808', '+86 159 6534 6508']);
  });
});
