import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activityKinds } from './activity-schemas';
import { activityDisplaySubject, derivedActivitySubject, notesExcerpt } from './activity-subject';

describe('the subject of an activity logged without one', () => {
  it('names the kind, the contact and customer, and the start of the notes, in the reader’s language', () => {
    const parts = {
      kind: 'wechat' as const,
      customerName: '宁波海星物流',
      contactName: '张经理',
      minutes: '明天出两个40HQ，要求周五前订舱确认，船期另议，价格按上周报价\n第二行',
    };
    expect(derivedActivitySubject(parts, 'zh-CN')).toBe(
      '微信沟通 · 张经理（宁波海星物流）：明天出两个40HQ，要求周五前订舱确认，船期另议…',
    );
    expect(derivedActivitySubject(parts, 'en')).toBe(
      'WeChat with 张经理 (宁波海星物流): 明天出两个40HQ，要求周五前订舱确认，船期另议…',
    );
  });

  it('names the customer alone when no contact took part, and leaves the notes out when there are none', () => {
    expect(derivedActivitySubject({ kind: 'wecom', customerName: 'Acme' }, 'en')).toBe('WeCom chat with Acme');
    expect(derivedActivitySubject({ kind: 'call', customerName: '宁波海星物流', minutes: '  ' }, 'zh-CN')).toBe(
      '电话沟通 · 宁波海星物流',
    );
  });

  it('cuts English notes at a word', () => {
    expect(notesExcerpt('Customer wants a quote for two reefers to Hamburg next week')).toBe('Customer wants a quote…');
    expect(notesExcerpt('Short note')).toBe('Short note');
  });

  it('keeps an entered subject', () => {
    expect(activityDisplaySubject('Quote follow-up', { kind: 'call', customerName: 'Acme' }, 'zh-CN')).toBe(
      'Quote follow-up',
    );
    expect(activityDisplaySubject(null, { kind: 'call', customerName: 'Acme' }, 'en')).toBe('Call with Acme');
  });

  it('never carries Chinese fixed words to an English reader, and fits a subject’s length', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...activityKinds),
        fc.string({ maxLength: 100 }),
        fc.option(fc.string({ maxLength: 500 })),
        (kind, customerName, minutes) => {
          const en = derivedActivitySubject({ kind, customerName: 'ACME', minutes: minutes ?? null }, 'en');
          expect(en.startsWith('ACME') || /^[A-Za-z]/.test(en)).toBe(true);
          const zh = derivedActivitySubject({ kind, customerName, minutes }, 'zh-CN');
          expect([...zh].length).toBeLessThanOrEqual(20 + [...customerName].length + 30);
        },
      ),
    );
  });
});
