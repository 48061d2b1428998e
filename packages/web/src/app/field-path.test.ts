import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldPath, samePath } from './field-path';

describe('fieldPath', () => {
  it('splits a dotted API field into an antd name path', () => {
    expect(fieldPath('email')).toEqual(['email']);
    expect(fieldPath('admin.email')).toEqual(['admin', 'email']);
  });

  it('turns list positions into numbers, so errors land on the right row of a Form.List', () => {
    expect(fieldPath('contacts.0.phones.12')).toEqual(['contacts', 0, 'phones', 12]);
    expect(fieldPath('lanes.1x')).toEqual(['lanes', '1x']);
  });

  it('reads back as the same dotted field', () => {
    const part = fc.oneof(fc.nat(), fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]*$/));
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 5 }), (parts) => {
        expect(fieldPath(parts.join('.'))).toEqual(parts);
      }),
    );
  });
});

describe('samePath', () => {
  it('treats a list position as the same whether a number or a string', () => {
    expect(samePath(['contacts', 0, 'name'], ['contacts', '0', 'name'])).toBe(true);
  });

  it('tells apart paths that differ in a part or in length', () => {
    expect(samePath(['contacts', 0, 'name'], ['contacts', 1, 'name'])).toBe(false);
    expect(samePath(['contacts', 0], ['contacts', 0, 'name'])).toBe(false);
    expect(samePath(['contacts', 0, 'name'], ['contacts', 0])).toBe(false);
  });
});
