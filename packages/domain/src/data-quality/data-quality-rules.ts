/**
 * Data quality rules for customer records. The patterns are written so that JavaScript and
 * PostgreSQL regular expressions read them the same way: the server checks them in SQL over
 * the whole table, the tests check them here against the validators used on input.
 */

/** E.164: "+", a country code that does not start with 0, 6 to 15 digits in all. */
export const E164_PATTERN = '^\\+[1-9][0-9]{5,14}$';

/** A plausible address: one "@", no spaces, a dot in the domain. Stricter checks happen on input. */
export const EMAIL_PATTERN = '^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$';

export function isE164(value: string): boolean {
  return new RegExp(E164_PATTERN).test(value);
}

export function isPlausibleEmail(value: string): boolean {
  return new RegExp(EMAIL_PATTERN).test(value);
}

/** Share of `part` in `total` as a percentage with one decimal; 0 for an empty total. */
export function percentOf(part: number, total: number): number {
  if (total <= 0 || part <= 0) return 0;
  if (part >= total) return 100;
  return Math.round((part / total) * 1000) / 10;
}

export const completenessFields = [
  'nameEn',
  'creditCode',
  'country',
  'address',
  'phone',
  'email',
  'website',
  'industry',
  'owner',
  'lanes',
  'contacts',
  'taxNumber',
] as const;
export type CompletenessField = (typeof completenessFields)[number];

/** Problems a customer record can have; each has a drill-down list. */
export const dataIssueKinds = [
  'creditCodeInvalid',
  'phoneInvalid',
  'emailInvalid',
  'laneInvalidCode',
  'noOwner',
  'stale',
] as const;
export type DataIssueKind = (typeof dataIssueKinds)[number];

/** The normalised columns that make customers "the same company" candidates. */
export const duplicateKinds = ['creditCode', 'name', 'phone'] as const;
export type DuplicateKind = (typeof duplicateKinds)[number];

export const defaultStaleMonths = 12;
export const maxStaleMonths = 120;

/** The set of customer ids as a dismissal stores it: unique and sorted, so equal groups compare equal. */
export function normalizeGroupIds(ids: readonly string[]): string[] {
  return [...new Set(ids.map((id) => id.toLowerCase()))].sort();
}

/** A dismissed group stays hidden while every current member was part of the dismissal. */
export function isGroupDismissed(currentIds: readonly string[], dismissedIds: readonly string[]): boolean {
  const dismissed = new Set(dismissedIds.map((id) => id.toLowerCase()));
  return currentIds.every((id) => dismissed.has(id.toLowerCase()));
}
