import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toSimplifiedChinese } from './traditional-to-simplified';

describe('toSimplifiedChinese', () => {
  it('simplifies traditional characters as used in Taiwan and Hong Kong', () => {
    expect(toSimplifiedChinese('長榮海運股份有限公司')).toBe('长荣海运股份有限公司');
    expect(toSimplifiedChinese('東方海外貨櫃航運')).toBe('东方海外货柜航运');
    expect(toSimplifiedChinese('臺灣')).toBe('台湾');
    expect(toSimplifiedChinese('裡外')).toBe(toSimplifiedChinese('裏外'));
  });

  it('reads characters in their phrase', () => {
    expect(toSimplifiedChinese('乾隆')).toBe('乾隆');
    expect(toSimplifiedChinese('乾杯')).toBe('干杯');
  });

  it('leaves simplified Chinese and other scripts alone', () => {
    expect(toSimplifiedChinese('华为技术有限公司')).toBe('华为技术有限公司');
    expect(toSimplifiedChinese('Maersk A/S 123')).toBe('Maersk A/S 123');
  });

  it('is idempotent, even for characters that simplify in two steps', () => {
    expect(toSimplifiedChinese('麼')).toBe(toSimplifiedChinese(toSimplifiedChinese('麼')));
    const cjk = fc.integer({ min: 0x3400, max: 0x9fff }).map((code) => String.fromCodePoint(code));
    fc.assert(
      fc.property(fc.array(cjk, { minLength: 1, maxLength: 8 }), (chars) => {
        const once = toSimplifiedChinese(chars.join(''));
        expect(toSimplifiedChinese(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});
