import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ProspectToSpread, spreadProspects } from './round-robin';

const countries = ['CN', 'US', 'DE', 'VN', 'JP', 'BR'];

const countryArb = fc.constantFrom(...countries);
const prospectsArb = (withoutCountry: boolean) =>
  fc
    .array(withoutCountry ? fc.option(countryArb, { nil: null, freq: 4 }) : countryArb, { maxLength: 120 })
    .map((list) => list.map((country, i) => ({ id: `p${i}`, country })));
const repsArb = fc.uniqueArray(fc.constantFrom('r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7'), {
  minLength: 1,
  maxLength: 7,
});

function countsPerRep(assignments: { ownerId: string }[], reps: string[]): number[] {
  return reps.map((rep) => assignments.filter((a) => a.ownerId === rep).length);
}

const params = { seed: 20_260_501, numRuns: 300 };

describe('spreading prospects over reps', () => {
  it('assigns every prospect exactly once, to one of the chosen reps, in both modes', () => {
    fc.assert(
      fc.property(prospectsArb(true), repsArb, fc.boolean(), (prospects, reps, byCountry) => {
        const result = spreadProspects(prospects, reps, { byCountry });
        expect(result.map((a) => a.customerId).sort()).toEqual(prospects.map((p) => p.id).sort());
        expect(new Set(result.map((a) => a.customerId)).size).toBe(prospects.length);
        for (const a of result) expect(reps).toContain(a.ownerId);
      }),
      params,
    );
  });

  it('spreads evenly: no rep gets more than one prospect more than another', () => {
    fc.assert(
      fc.property(prospectsArb(true), repsArb, fc.boolean(), (prospects, reps, byCountry) => {
        const counts = countsPerRep(spreadProspects(prospects, reps, { byCountry }), reps);
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }),
      params,
    );
  });

  it('by country splits at most reps − 1 countries over more than one rep', () => {
    fc.assert(
      fc.property(prospectsArb(false), repsArb, (prospects, reps) => {
        const result = spreadProspects(prospects, reps, { byCountry: true });
        const countryOf = new Map(prospects.map((p) => [p.id, p.country]));
        const pairs = new Set(result.map((a) => `${countryOf.get(a.customerId)}→${a.ownerId}`));
        const distinctCountries = new Set(prospects.map((p) => p.country)).size;
        expect(pairs.size).toBeLessThanOrEqual(distinctCountries + reps.length - 1);
      }),
      params,
    );
  });

  it('keeps each country with one rep when the countries divide evenly', () => {
    const prospects: ProspectToSpread[] = ['CN', 'US', 'DE'].flatMap((country) =>
      [1, 2, 3, 4].map((n) => ({ id: `${country}${n}`, country })),
    );
    const result = spreadProspects(prospects, ['a', 'b', 'c'], { byCountry: true });
    const repsPerCountry = (country: string) =>
      new Set(result.filter((a) => a.customerId.startsWith(country)).map((a) => a.ownerId)).size;
    expect([repsPerCountry('CN'), repsPerCountry('US'), repsPerCountry('DE')]).toEqual([1, 1, 1]);
    expect(new Set(result.map((a) => a.ownerId)).size).toBe(3);
  });

  it('places each country where it fits most tightly, so no country is split when none has to be', () => {
    // Shares of 4 and 3: CN (3) fits the share of 3 exactly, leaving room for US and DE together.
    const prospects: ProspectToSpread[] = [
      ...['CN1', 'CN2', 'CN3'].map((id) => ({ id, country: 'CN' })),
      ...['US1', 'US2'].map((id) => ({ id, country: 'US' })),
      ...['DE1', 'DE2'].map((id) => ({ id, country: 'DE' })),
    ];
    const result = spreadProspects(prospects, ['a', 'b'], { byCountry: true });
    const ownerOf = new Map(result.map((a) => [a.customerId, a.ownerId]));
    for (const country of ['CN', 'US', 'DE']) {
      const owners = new Set(prospects.filter((p) => p.country === country).map((p) => ownerOf.get(p.id)));
      expect(owners.size, country).toBe(1);
    }
    expect(countsPerRep(result, ['a', 'b'])).toEqual([4, 3]);
  });

  it('deals plain round robin out in the order given', () => {
    const prospects = ['x', 'y', 'z', 'w', 'v'].map((id) => ({ id, country: 'CN' }));
    expect(spreadProspects(prospects, ['a', 'b']).map((a) => a.ownerId)).toEqual(['a', 'b', 'a', 'b', 'a']);
  });

  it('refuses to spread over nobody', () => {
    expect(() => spreadProspects([{ id: 'x', country: null }], [])).toThrow();
  });
});
