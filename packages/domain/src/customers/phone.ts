import { isSupportedCountry, ParseError, parsePhoneNumberWithError } from 'libphonenumber-js/max';

export type PhoneReason = 'empty' | 'not_a_number' | 'invalid_country' | 'too_short' | 'too_long' | 'invalid';

export type PhoneCheck =
  | {
      ok: true;
      /** E.164 without the extension, e.g. +8613800138000. */
      e164: string;
      /** ISO 3166 alpha-2 country of the number; null for non-geographic numbers such as +800. */
      country: string | null;
      extension: string | null;
    }
  | { ok: false; reason: PhoneReason; code: 'customer.phone_invalid' };

// Chinese business cards write an extension as 转 or 分机, which the library does not read as one.
const CHINESE_EXTENSION = /\s*(?:转|轉|分机|分機)\s*/u;

const parseErrorReasons: Record<string, PhoneReason> = {
  NOT_A_NUMBER: 'not_a_number',
  INVALID_COUNTRY: 'invalid_country',
  TOO_SHORT: 'too_short',
  TOO_LONG: 'too_long',
};

/**
 * Normalises a phone number to E.164. A number without a country code is read as a number of `defaultCountry`
 * (mainland China unless told otherwise): mobiles, and landlines with their area code (021-12345678, (0571)87654321).
 * Only numbers valid for their country's numbering plan are accepted.
 */
export function normalizePhone(input: string, defaultCountry = 'CN'): PhoneCheck {
  const text = input.normalize('NFKC').trim().replace(CHINESE_EXTENSION, ' ext. ');
  if (text === '') return failure('empty');
  const country = isSupportedCountry(defaultCountry) ? defaultCountry : undefined;
  try {
    const phone = parsePhoneNumberWithError(text, { defaultCountry: country });
    if (!phone.isValid()) return failure('invalid');
    return { ok: true, e164: phone.number, country: phone.country ?? null, extension: phone.ext ?? null };
  } catch (error) {
    if (error instanceof ParseError) return failure(parseErrorReasons[error.message] ?? 'invalid');
    throw error;
  }
}

function failure(reason: PhoneReason): PhoneCheck {
  return { ok: false, reason, code: 'customer.phone_invalid' };
}

/**
 * A stored (E.164) number as people write it, in international form with the country's grouping:
 * `+8615965346508` → `+86 159 6534 6508`, an extension as ` ext. 8001`. Text that is no valid number stays as it is.
 */
export function formatPhone(stored: string): string {
  try {
    const phone = parsePhoneNumberWithError(stored);
    return phone.isValid() ? phone.formatInternational() : stored;
  } catch {
    return stored;
  }
}
