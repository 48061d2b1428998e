import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locales, pickLocale } from './locale';

describe('pickLocale', () => {
  it('never throws and always answers zh-CN or en, whatever the header holds', () => {
    fc.assert(
      fc.property(fc.option(fc.string({ unit: 'binary', maxLength: 200 }), { nil: undefined }), (header) => {
        expect(locales).toContain(pickLocale(header));
      }),
    );
  });

  it('never throws for headers built from language-like pieces', () => {
    const piece = fc
      .tuple(
        fc.constantFrom('zh', 'zh-CN', 'zh-TW', 'en', 'en-US', 'EN-gb', 'fr', 'de-DE', '*', '', ' '),
        fc.constantFrom('', ';q=', ';q=0.5', ';q=abc', ';q=-1', ';q=1e3', ';level=1', ';;', ';q=0.2;x=y'),
      )
      .map(([tag, params]) => tag + params);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.constantFrom(',', ', ', ' ,'), (pieces, separator) => {
        expect(locales).toContain(pickLocale(pieces.join(separator)));
      }),
    );
  });

  it('defaults to zh-CN without a header or without a supported language', () => {
    expect(pickLocale(undefined)).toBe('zh-CN');
    expect(pickLocale(null)).toBe('zh-CN');
    expect(pickLocale('')).toBe('zh-CN');
    expect(pickLocale('fr-FR,de;q=0.8')).toBe('zh-CN');
    expect(pickLocale('*')).toBe('zh-CN');
  });

  it('maps English and every Chinese variant to the two supported languages', () => {
    expect(pickLocale('en-US,en;q=0.9')).toBe('en');
    expect(pickLocale('en')).toBe('en');
    expect(pickLocale('EN-GB')).toBe('en');
    expect(pickLocale('zh-TW')).toBe('zh-CN');
    expect(pickLocale('zh-Hant-HK')).toBe('zh-CN');
    expect(pickLocale('zh')).toBe('zh-CN');
  });

  it('takes the first supported language in the order of the header when no q-values are given', () => {
    expect(pickLocale('fr, en, zh')).toBe('en');
    expect(pickLocale('de, zh-CN, en')).toBe('zh-CN');
  });

  it('respects q-values over the order of the header', () => {
    expect(pickLocale('zh;q=0.1,en;q=0.9')).toBe('en');
    expect(pickLocale('en;q=0.4, zh-CN;q=0.6')).toBe('zh-CN');
    expect(pickLocale('fr;q=1, en;q=0.3, zh;q=0.2')).toBe('en');
  });

  it('picks the supported language with the highest q-value', () => {
    const entry = fc.record({
      tag: fc.constantFrom('zh', 'zh-CN', 'zh-TW', 'en', 'en-US', 'en-GB', 'fr', 'de', 'ja'),
      q: fc.integer({ min: 1, max: 1000 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.q, maxLength: 6 }), (entries) => {
        const header = entries.map((e) => `${e.tag};q=${e.q / 1000}`).join(', ');
        const supported = entries
          .filter((e) => e.tag.startsWith('zh') || e.tag.startsWith('en'))
          .sort((a, b) => b.q - a.q);
        const best = supported[0];
        const expected = !best ? 'zh-CN' : best.tag.startsWith('en') ? 'en' : 'zh-CN';
        expect(pickLocale(header)).toBe(expected);
      }),
    );
  });
});
