import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containerTypes, findContainerType, teuOf, totalTeu } from './equipment';

describe('container types and TEU', () => {
  it('finds a type by its booking code, its ISO code and common spellings', () => {
    expect(findContainerType('40HQ')?.code).toBe('40HQ');
    expect(findContainerType('45G1')?.code).toBe('40HQ');
    expect(findContainerType("40'HC")?.code).toBe('40HQ');
    expect(findContainerType(' 20gp ')?.code).toBe('20GP');
    expect(findContainerType('40RQ')?.code).toBe('40RH');
    expect(findContainerType('53HC')).toBeUndefined();
  });

  it('counts a 20′ as 1 TEU, a 40′ as 2 and a 45′ as 2.25', () => {
    expect(totalTeu(['20GP', '40HQ', '45HQ', '40RF'])).toEqual({ teu: 7.25, unknown: [] });
    expect(totalTeu(['20GP', 'XX'])).toEqual({ teu: 1, unknown: ['XX'] });
  });

  it('TEU of a list is the sum of its parts in any order, exactly', () => {
    const code = fc.constantFrom(...containerTypes.map((type) => type.code));
    fc.assert(
      fc.property(fc.array(code, { maxLength: 200 }), (codes) => {
        const expected = codes.reduce((sum, c) => sum + teuOf(findContainerType(c) as never), 0);
        expect(totalTeu(codes).teu).toBe(expected);
        expect(totalTeu([...codes].reverse()).teu).toBe(expected);
      }),
    );
  });
});
