import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { termKeys } from './customer-key-search';

describe('termKeys', () => {
  it('keys a Chinese term by its pairs, leaving out company suffixes', () => {
    expect(termKeys('宁波远洋')).toEqual(['宁波', '波远', '远洋']);
    expect(termKeys('远洋有限公司')).toEqual(['远洋', '洋有']);
    expect(termKeys('远洋')).toEqual(['远洋']);
    expect(termKeys('有限公司')).toEqual([]);
    expect(termKeys('公司')).toEqual([]);
  });

  it('keys a two-character term of other characters by its gram', () => {
    expect(termKeys('sh')).toEqual(['g:sh']);
    expect(termKeys('13')).toEqual(['g:13']);
    expect(termKeys('a远')).toEqual(['g:a远']);
  });

  it('keys every four digits of a run of digits', () => {
    expect(termKeys('8808')).toEqual(['d:8808']);
    expect(termKeys('13912345')).toEqual(['d:1391', 'd:3912', 'd:9123', 'd:1234', 'd:2345']);
    expect(termKeys('c000002')).toEqual(['d:0000', 'd:0002']);
    expect(termKeys('808')).toEqual([]);
  });

  it('keys the smaller of every two adjacent trigrams of a run of letters', () => {
    expect(termKeys('ning')).toEqual(['l:ing']);
    expect(termKeys('ningbo')).toEqual(['l:ing', 'l:gbo']);
    expect(termKeys('nin')).toEqual([]);
    expect(termKeys('sales12@example.com')).toEqual(['l:ale', 'l:exa', 'l:amp', 'l:mpl']);
  });

  it('mixes the kinds in one term, and keeps at most ten keys', () => {
    expect(termKeys('宁波ningbo8808')).toEqual(['宁波', 'd:8808', 'l:ing', 'l:gbo']);
    expect(termKeys('ningboyuanyangguojiwuliuyouxiangongsi').length).toBe(10);
  });

  it('gives a term only keys that the term itself carries as a text', () => {
    // A text containing the term contains each of its runs: the keys of a longer text include the term's.
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'ab12远洋宁波@.'), minLength: 3, maxLength: 16 }),
        fc.string({ unit: fc.constantFrom(...'ab12远洋'), maxLength: 4 }),
        fc.string({ unit: fc.constantFrom(...'ab12远洋'), maxLength: 4 }),
        (term, before, after) => {
          const all = new Set(termKeysUnbounded(before + term + after));
          for (const key of termKeys(term)) expect(all.has(key), key).toBe(true);
        },
      ),
    );
  });
});

/** Every key of a text, without the cap on a term's keys: its 3-character-or-longer keys, by the same rules. */
function termKeysUnbounded(text: string): string[] {
  const keys: string[] = [];
  // Each window of the text that is itself a term adds its keys; the windows of length 4 to 5 cover every rule.
  for (let i = 0; i < text.length; i++) for (const n of [3, 4, 5]) keys.push(...termKeys(text.slice(i, i + n)));
  return keys;
}
