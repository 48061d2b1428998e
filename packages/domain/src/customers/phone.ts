import {
  isSupportedCountry,
  ParseError,
  parsePhoneNumberFromString,
  parsePhoneNumberWithError,
} from 'libphonenumber-js/max';

export type PhoneReason = 'empty' | 'not_a_number' | 'invalid_country' | 'too_short' | 'too_long' | 'invalid';

export type PhoneCheck =
  | {
      ok: true;
      /** E.164 without the extension, e.g. +8613800138000. */
      e164: string;
      /** ISO 3166 alpha-2 country of the number; null for non-geographic numbers such as +800. */
      country: string | null;
      extension: string | null;
      /** What is stored and sent: the E.164 number with its extension as `;ext=` (RFC 3966), e.g. +862112345678;ext=8001. */
      stored: string;
    }
  | { ok: false; reason: PhoneReason; code: 'customer.phone_invalid' };

// Chinese business cards write an extension as 转 or 分机, which the library does not read as one.
const CHINESE_EXTENSION = /\s*(?:转|轉|分机|分機)\s*/u;
// The stored form's extension (RFC 3966), read back when a stored number is normalised again.
const STORED_EXTENSION = /;ext=/i;
const EXTENSION_DIGITS = /^[0-9]{1,10}$/;

/** The stored form of a number: E.164, then `;ext=` and the extension's digits when there is one. */
export function storedPhone(e164: string, extension?: string | null): string {
  return extension ? `${e164};ext=${extension}` : e164;
}

/** A stored number apart: its E.164 number and its extension (null without one). */
export function splitStoredPhone(stored: string): { e164: string; extension: string | null } {
  const at = stored.search(STORED_EXTENSION);
  if (at < 0) return { e164: stored, extension: null };
  const extension = stored.slice(at + 5);
  return { e164: stored.slice(0, at), extension: extension === '' ? null : extension };
}

/**
 * A stored number as people read it: grouped in the international format (`+86 159 6534 6508`,
 * `+86 21 1234 5678`), the extension after 转 in Chinese and `ext.` in English. A value that is not
 * a number (a masked one) is given back as it is.
 */
export function formatPhone(stored: string, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const { e164, extension } = splitStoredPhone(stored);
  const parsed = /^\+[0-9]+$/.test(e164) ? parsePhoneNumberFromString(e164) : undefined;
  const number = parsed ? parsed.formatInternational() : e164;
  if (!extension) return number;
  return locale === 'en' ? `${number} ext. ${extension}` : `${number} 转 ${extension}`;
}

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
  const text = input.normalize('NFKC').trim().replace(CHINESE_EXTENSION, ' ext. ').replace(STORED_EXTENSION, ' ext. ');
  if (text === '') return failure('empty');
  const country = isSupportedCountry(defaultCountry) ? defaultCountry : undefined;
  try {
    const phone = parsePhoneNumberWithError(text, { defaultCountry: country });
    if (!phone.isValid()) return failure('invalid');
    const extension = phone.ext ?? null;
    if (extension !== null && !EXTENSION_DIGITS.test(extension)) return failure('invalid');
    return {
      ok: true,
      e164: phone.number,
      country: phone.country ?? null,
      extension,
      stored: storedPhone(phone.number, extension),
    };
  } catch (error) {
    if (error instanceof ParseError) return failure(parseErrorReasons[error.message] ?? 'invalid');
    throw error;
  }
}

function failure(reason: PhoneReason): PhoneCheck {
  return { ok: false, reason, code: 'customer.phone_invalid' };
}
