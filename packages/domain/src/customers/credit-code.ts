import type { CustomerErrorCode } from './error-messages';

/**
 * Unified Social Credit Code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character alphabet, the last
 * one a check character over the first 17.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const CREDIT_CODE_LENGTH = 18;

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const RADIX = CREDIT_CODE_ALPHABET.length;
const charValues = new Map([...CREDIT_CODE_ALPHABET].map((char, index) => [char, index]));

export type CreditCodeReason = 'length' | 'charset' | 'check_digit';

export const creditCodeErrorCodes = {
  length: 'customer.credit_code_length',
  charset: 'customer.credit_code_charset',
  check_digit: 'customer.credit_code_check_digit',
} as const satisfies Record<CreditCodeReason, CustomerErrorCode>;

export type CreditCodeCheck =
  | { ok: true; value: string }
  | { ok: false; reason: CreditCodeReason; code: (typeof creditCodeErrorCodes)[CreditCodeReason] };

// Hyphen-like characters people paste from documents; NFKC has already folded the full-width ones to '-'.
const SEPARATORS = /[\s\-\u2010-\u2015\u2212]/gu;

/** Trims, drops spaces and hyphens, folds full-width characters to half-width and upper-cases. */
export function normalizeCreditCode(input: string): string {
  return input.normalize('NFKC').replace(SEPARATORS, '').toUpperCase();
}

function isInAlphabet(text: string): boolean {
  for (const char of text) {
    if (!charValues.has(char)) return false;
  }
  return true;
}

/** The check character for the first 17 characters of a code. Throws when they are not 17 alphabet characters. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== WEIGHTS.length || !isInAlphabet(first17)) {
    throw new RangeError('A credit code body is 17 characters from the GB 32100 alphabet.');
  }
  let sum = 0;
  WEIGHTS.forEach((weight, index) => {
    sum += (charValues.get(first17.charAt(index)) ?? 0) * weight;
  });
  return CREDIT_CODE_ALPHABET.charAt((RADIX - (sum % RADIX)) % RADIX);
}

/** Checks a code exactly as given (already normalised); use `checkCreditCode` for user input. */
export function isValidCreditCode(code: string): boolean {
  return checkCode(code).ok;
}

/** Normalises user input, then says whether it is a valid credit code and, if not, why. */
export function checkCreditCode(input: string): CreditCodeCheck {
  return checkCode(normalizeCreditCode(input));
}

function checkCode(code: string): CreditCodeCheck {
  if (code.length !== CREDIT_CODE_LENGTH) return failure('length');
  if (!isInAlphabet(code)) return failure('charset');
  if (creditCodeCheckChar(code.slice(0, -1)) !== code.slice(-1)) return failure('check_digit');
  return { ok: true, value: code };
}

function failure(reason: CreditCodeReason): CreditCodeCheck {
  return { ok: false, reason, code: creditCodeErrorCodes[reason] };
}
