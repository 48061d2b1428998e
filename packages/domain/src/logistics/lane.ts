/**
 * A lane: port of loading, port of discharge (UN/LOCODEs) and transport mode. Its key, `CNSHA-USLAX:fcl`, is the one
 * way customer lanes, opportunities, shipments, rate cards and contracts name a lane, so they can be joined.
 */
export const transportModes = ['fcl', 'lcl', 'air', 'rail', 'road', 'express'] as const;
export type TransportMode = (typeof transportModes)[number];

export interface LaneParts {
  pol: string;
  pod: string;
  mode: TransportMode;
}

const KEY = /^([A-Z]{2}[A-Z2-9]{3})-([A-Z]{2}[A-Z2-9]{3}):(fcl|lcl|air|rail|road|express)$/;

export function laneKey(lane: LaneParts): string {
  return `${lane.pol.toUpperCase()}-${lane.pod.toUpperCase()}:${lane.mode}`;
}

export function parseLaneKey(key: string): LaneParts | undefined {
  const match = KEY.exec(key.trim());
  if (!match) return undefined;
  return { pol: match[1] as string, pod: match[2] as string, mode: match[3] as TransportMode };
}

/** The lane filter of a list query: POL, or POL-POD; a POD alone is not one (it waits for a POL). */
export function laneFilter(pol: string | undefined, pod: string | undefined): string | undefined {
  if (!pol) return undefined;
  return pod ? `${pol}-${pod}` : pol;
}
