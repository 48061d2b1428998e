import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkContainerNumber, containerCheckDigit, isValidContainerNumber } from './container-number';

const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
const digit = fc.constantFrom(...'0123456789');
const firstTen = fc
  .tuple(
    fc.array(letter, { minLength: 3, maxLength: 3 }),
    fc.constantFrom('U', 'J', 'Z', 'R'),
    fc.array(digit, { minLength: 6, maxLength: 6 }),
  )
  .map(([owner, category, serial]) => owner.join('') + category + serial.join(''));
const validNumber = firstTen.map((ten) => ten + containerCheckDigit(ten));

describe('container numbers (ISO 6346)', () => {
  it('accepts published examples, also typed with spaces, hyphens or in lower case', () => {
    expect(isValidContainerNumber('CSQU3054383')).toBe(true);
    expect(isValidContainerNumber('BICU1234565')).toBe(true);
    expect(checkContainerNumber(' csqu 305438-3 ')).toEqual({ ok: true, value: 'CSQU3054383' });
    expect(checkContainerNumber('ＣＳＱＵ３０５４３８３')).toEqual({ ok: true, value: 'CSQU3054383' });
  });

  it('names a wrong check digit and the expected one, and a wrong shape', () => {
    expect(checkContainerNumber('CSQU3054384')).toEqual({ ok: false, reason: 'check_digit', expected: 3 });
    expect(checkContainerNumber('CSQX3054383')).toEqual({ ok: false, reason: 'format' });
    expect(checkContainerNumber('CSQU305438')).toEqual({ ok: false, reason: 'format' });
    expect(checkContainerNumber('')).toEqual({ ok: false, reason: 'format' });
  });

  it('every number built with its check digit is valid', () => {
    fc.assert(
      fc.property(validNumber, (number) => {
        expect(isValidContainerNumber(number)).toBe(true);
      }),
    );
  });

  it('changing any one digit of a valid number is caught', () => {
    fc.assert(
      fc.property(validNumber, fc.integer({ min: 4, max: 10 }), fc.integer({ min: 1, max: 9 }), (number, at, delta) => {
        const changed = (Number(number[at]) + delta) % 10;
        const wrong = number.slice(0, at) + changed + number.slice(at + 1);
        // A one-digit change in the serial moves the weighted sum by delta·2^at, never a multiple of 11, except
        // where the check digit's own "mod 10" folds 10 onto 0: ISO 6346 accepts that ambiguity.
        const check = checkContainerNumber(wrong);
        if (at === 10) expect(check.ok).toBe(false);
        else if (check.ok) expect(containerCheckDigit(wrong.slice(0, 10))).toBe(Number(wrong[10]));
        else expect(check).toMatchObject({ reason: 'check_digit' });
      }),
    );
  });

  it('changing one letter of the owner code is caught unless the check folds 10 onto 0', () => {
    fc.assert(
      fc.property(validNumber, fc.integer({ min: 0, max: 2 }), letter, (number, at, replacement) => {
        fc.pre(replacement !== number[at]);
        const wrong = number.slice(0, at) + replacement + number.slice(at + 1);
        const expected = containerCheckDigit(wrong.slice(0, 10));
        expect(isValidContainerNumber(wrong)).toBe(expected === Number(number[10]));
      }),
    );
  });
});
