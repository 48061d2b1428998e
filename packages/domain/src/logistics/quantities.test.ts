import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { laneKey, parseLaneKey, transportModes } from './lane';
import { chargeableWeightKg, revenueTonnes, volumeFactor } from './quantities';

describe('chargeable weight', () => {
  it('air bills the greater of gross and volume weight at 1:6000, rounded up to half a kilo', () => {
    expect(chargeableWeightKg('air', { grossKg: 100, cbm: 1 })).toBe(167);
    expect(chargeableWeightKg('air', { grossKg: 300, cbm: 1 })).toBe(300);
    expect(chargeableWeightKg('air', { grossKg: 10.2, cbm: 0.01 })).toBe(10.5);
    expect(chargeableWeightKg('air', { grossKg: 12, cbm: 0.072 })).toBe(12);
    expect(chargeableWeightKg('express', { grossKg: 1, cbm: 0.01 })).toBe(2);
    expect(chargeableWeightKg('road', { grossKg: 100, cbm: 1 })).toBe(334);
    expect(chargeableWeightKg('fcl', { grossKg: 100, cbm: 1 })).toBeUndefined();
  });

  it('is never below the gross weight nor the volume weight, and never more than half a kilo above both', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('air', 'express', 'road') as fc.Arbitrary<'air' | 'express' | 'road'>,
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (mode, grams, litres) => {
          const cargo = { grossKg: grams / 1000, cbm: litres / 1000 };
          const weight = chargeableWeightKg(mode, cargo) as number;
          const volumeKg = cargo.cbm * (volumeFactor(mode) as number);
          expect(weight).toBeGreaterThanOrEqual(cargo.grossKg);
          expect(weight).toBeGreaterThanOrEqual(volumeKg - 1e-6);
          expect(weight - Math.max(cargo.grossKg, volumeKg)).toBeLessThanOrEqual(mode === 'road' ? 1 : 0.5 + 1e-6);
        },
      ),
    );
  });

  it('sea LCL bills revenue tonnes (W/M)', () => {
    expect(revenueTonnes({ grossKg: 1500, cbm: 1.2 })).toBe(1.5);
    expect(revenueTonnes({ grossKg: 300, cbm: 2.35 })).toBe(2.35);
  });
});

describe('lane key', () => {
  it('reads back what it writes', () => {
    const code = fc.stringMatching(/^[A-Z]{2}[A-Z2-9]{3}$/);
    fc.assert(
      fc.property(code, code, fc.constantFrom(...transportModes), (pol, pod, mode) => {
        expect(parseLaneKey(laneKey({ pol, pod, mode }))).toEqual({ pol, pod, mode });
      }),
    );
    expect(laneKey({ pol: 'cnsha', pod: 'USLAX', mode: 'fcl' })).toBe('CNSHA-USLAX:fcl');
    expect(parseLaneKey('CNSHA-USLAX')).toBeUndefined();
    expect(parseLaneKey('CNSHA-USLAX:ship')).toBeUndefined();
  });
});
