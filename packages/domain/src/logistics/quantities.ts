import type { TransportMode } from './lane';

/**
 * Chargeable weight: what a carrier bills on, the greater of the gross weight and the volume weight. The volume
 * weight converts cubic metres at a mode's divisor: air 1:6000 (167 kg per CBM), express 1:5000 (200 kg per CBM),
 * road 1:3000 (333 kg per CBM, the common Chinese LTL rule). Air and express round up to the next half kilo, as
 * IATA rates do. Sea LCL bills per revenue tonne (W/M): the greater of tonnes and CBM.
 */
const divisorCm3PerKg: Partial<Record<TransportMode, number>> = { air: 6000, express: 5000, road: 3000 };

export interface Cargo {
  grossKg: number;
  cbm: number;
}

/** Kilograms per cubic metre at the mode's divisor, or undefined for modes billed otherwise. */
export function volumeFactor(mode: TransportMode): number | undefined {
  const divisor = divisorCm3PerKg[mode];
  return divisor === undefined ? undefined : 1_000_000 / divisor;
}

/** The chargeable weight in kg for air, express and road; undefined for sea and rail (billed per container or W/M). */
export function chargeableWeightKg(mode: TransportMode, cargo: Cargo): number | undefined {
  const divisor = divisorCm3PerKg[mode];
  if (divisor === undefined) return undefined;
  // Volume weight in whole grams first, so 1.2 CBM / 6000 does not carry float noise into the rounding.
  const volumeKg = Math.round((cargo.cbm * 1_000_000_000) / divisor) / 1000;
  const weight = Math.max(cargo.grossKg, volumeKg);
  if (mode === 'road') return Math.ceil(weight);
  return Math.ceil(weight * 2 - 1e-9) / 2;
}

/** Revenue tonnes for sea LCL (W/M): the greater of gross tonnes and cubic metres, to three decimals. */
export function revenueTonnes(cargo: Cargo): number {
  return Math.ceil(Math.max(cargo.grossKg / 1000, cargo.cbm) * 1000 - 1e-9) / 1000;
}
