import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_ALPHABET,
  checkCreditCode,
  creditCodeCheckChar,
  isValidCreditCode,
  normalizeCreditCode,
} from './credit-code';

const alphabetChar = fc.constantFrom(...CREDIT_CODE_ALPHABET);
const body = fc.array(alphabetChar, { minLength: 17, maxLength: 17 }).map((chars) => chars.join(''));
const validCode = body.map((first17) => first17 + creditCodeCheckChar(first17));

const wellFormed = ['91350100M000100Y43', '914403001922038216', '91330100716105852F', '9144030071526726XG'];

describe('credit codes', () => {
  it('accepts well-formed codes', () => {
    for (const code of wellFormed) {
      expect(isValidCreditCode(code), code).toBe(true);
      expect(checkCreditCode(code)).toEqual({ ok: true, value: code });
    }
  });

  it('accepts a code typed in lower case, with spaces, hyphens or full-width characters', () => {
    expect(checkCreditCode(' 91350100m000100y43 ')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(checkCreditCode('9135 0100-M000 100Y43')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(checkCreditCode('９１３５０１００Ｍ０００１００Ｙ４３')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(normalizeCreditCode('９１３５０１００－Ｍ０００１００Ｙ４３\u3000')).toBe('91350100M000100Y43');
  });

  it('says a code of the wrong length is too short or too long', () => {
    expect(checkCreditCode('')).toMatchObject({ ok: false, reason: 'length', code: 'customer.credit_code_length' });
    expect(checkCreditCode('91350100M000100Y4')).toMatchObject({ ok: false, reason: 'length' });
    expect(checkCreditCode('91350100M000100Y433')).toMatchObject({ ok: false, reason: 'length' });
  });

  it('rejects the letters the standard leaves out (I, O, S, V, Z) as a character problem', () => {
    for (const letter of ['I', 'O', 'S', 'V', 'Z']) {
      const code = `91350100${letter}000100Y43`;
      expect(checkCreditCode(code), code).toMatchObject({
        ok: false,
        reason: 'charset',
        code: 'customer.credit_code_charset',
      });
    }
    expect(checkCreditCode('91350100M000100Y4*')).toMatchObject({ ok: false, reason: 'charset' });
  });

  it('rejects a code whose check character does not match', () => {
    expect(checkCreditCode('91350100M000100Y44')).toMatchObject({
      ok: false,
      reason: 'check_digit',
      code: 'customer.credit_code_check_digit',
    });
    expect(isValidCreditCode('914403001922038217')).toBe(false);
  });

  it('is valid for any 17 alphabet characters followed by their check character', () => {
    fc.assert(fc.property(validCode, (code) => isValidCreditCode(code)));
  });

  it('detects any single character substituted anywhere in a valid code', () => {
    fc.assert(
      fc.property(validCode, fc.nat(17), alphabetChar, (code, position, replacement) => {
        fc.pre(code.charAt(position) !== replacement);
        const altered = code.slice(0, position) + replacement + code.slice(position + 1);
        expect(checkCreditCode(altered)).toMatchObject({ ok: false, reason: 'check_digit' });
      }),
    );
  });

  it('normalising twice is the same as normalising once', () => {
    const typed = fc
      .array(fc.constantFrom(...'0123456789ABCXYZabcxyz０９ＡＺａｚ -－‐\u3000'), { maxLength: 24 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(typed, (input) => normalizeCreditCode(normalizeCreditCode(input)) === normalizeCreditCode(input)),
    );
  });

  it('refuses to compute a check character for a malformed body', () => {
    expect(() => creditCodeCheckChar('91350100M000100Y')).toThrow(RangeError);
    expect(() => creditCodeCheckChar('91350100O000100Y4')).toThrow(RangeError);
  });
});
