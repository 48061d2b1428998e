import { isCountryCode } from '../reference/countries';

/** UN/LOCODE: ISO country code plus three letters or digits 2–9 (0 and 1 are left out to avoid O and I). */
/** The same shape as a pattern both JavaScript and PostgreSQL read (the data quality report checks stored lanes with it). */
export const UNLOCODE_PATTERN = '^[A-Z]{2}[A-Z2-9]{3}$';
const UNLOCODE_FORMAT = new RegExp(UNLOCODE_PATTERN);

export type UnlocodeReason = 'format' | 'country';

export type UnlocodeCheck =
  | { ok: true; value: string }
  | { ok: false; reason: UnlocodeReason; code: 'customer.unlocode_invalid' };

/** Upper case without spaces or hyphens, as codes are often written "CN SHA". */
export function normalizeUnlocode(input: string): string {
  return input.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
}

/** Whether `code` (as given) has the UN/LOCODE format with a known country; it need not be a listed port. */
export function isUnlocode(code: string): boolean {
  return checkCode(code).ok;
}

/** Normalises user input, then says whether it is a well-formed UN/LOCODE and, if not, why. */
export function checkUnlocode(input: string): UnlocodeCheck {
  return checkCode(normalizeUnlocode(input));
}

function checkCode(code: string): UnlocodeCheck {
  if (!UNLOCODE_FORMAT.test(code)) return { ok: false, reason: 'format', code: 'customer.unlocode_invalid' };
  if (!isCountryCode(code.slice(0, 2))) return { ok: false, reason: 'country', code: 'customer.unlocode_invalid' };
  return { ok: true, value: code };
}
