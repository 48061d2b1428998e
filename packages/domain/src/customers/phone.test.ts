import fc from 'fast-check';
import examples from 'libphonenumber-js/examples.mobile.json';
import { getCountries, getExampleNumber } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { formatPhone, normalizePhone, splitStoredPhone, storedPhone } from './phone';

const toFullWidth = (text: string) =>
  text.replace(/[0-9+]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));

/** A mainland mobile number as eleven digits, e.g. 13800138000. */
const chineseMobile = fc
  .tuple(
    fc.constantFrom('130', '131', '135', '138', '139', '150', '158', '166', '177', '186', '189', '199'),
    fc.stringMatching(/^\d{8}$/),
  )
  .map(([prefix, rest]) => prefix + rest);

describe('normalizePhone', () => {
  it('reads Chinese mobiles however they are written', () => {
    for (const input of [
      '13800138000',
      '+86 138 0013 8000',
      '0086-13800138000',
      '138-0013-8000',
      '１３８００１３８０００',
    ]) {
      expect(normalizePhone(input), input).toEqual({
        ok: true,
        e164: '+8613800138000',
        country: 'CN',
        extension: null,
        stored: '+8613800138000',
      });
    }
  });

  it('reads landlines with their area code', () => {
    expect(normalizePhone('021-12345678')).toMatchObject({ ok: true, e164: '+862112345678', country: 'CN' });
    expect(normalizePhone('(0571)87654321')).toMatchObject({ ok: true, e164: '+8657187654321', country: 'CN' });
    expect(normalizePhone('（０５７１）８７６５４３２１')).toMatchObject({ ok: true, e164: '+8657187654321' });
    expect(normalizePhone('010 1234 5678')).toMatchObject({ ok: true, e164: '+861012345678' });
  });

  it('keeps an extension apart from the number, in English or Chinese notation', () => {
    expect(normalizePhone('021-12345678 ext. 123')).toEqual({
      ok: true,
      e164: '+862112345678',
      country: 'CN',
      extension: '123',
      stored: '+862112345678;ext=123',
    });
    expect(normalizePhone('021-12345678转123')).toMatchObject({ e164: '+862112345678', extension: '123' });
    expect(normalizePhone('021-12345678 分机 8001')).toMatchObject({ e164: '+862112345678', extension: '8001' });
  });

  it('reads numbers abroad by their country code, and national numbers by the given country', () => {
    expect(normalizePhone('+1 650 253 0000')).toMatchObject({ ok: true, e164: '+16502530000', country: 'US' });
    expect(normalizePhone('+44 20 7946 0958')).toMatchObject({ ok: true, e164: '+442079460958', country: 'GB' });
    expect(normalizePhone('020 7946 0958', 'GB')).toMatchObject({ ok: true, e164: '+442079460958', country: 'GB' });
    expect(normalizePhone('+800 1234 5678')).toMatchObject({ ok: true, e164: '+80012345678', country: null });
  });

  it('rejects what is not a valid phone number, with a reason', () => {
    expect(normalizePhone('')).toEqual({ ok: false, reason: 'empty', code: 'customer.phone_invalid' });
    expect(normalizePhone('   ')).toMatchObject({ ok: false, reason: 'empty' });
    expect(normalizePhone('abc')).toMatchObject({ ok: false, reason: 'not_a_number' });
    expect(normalizePhone('1')).toMatchObject({ ok: false, code: 'customer.phone_invalid' });
    expect(normalizePhone('12345')).toMatchObject({ ok: false, reason: 'invalid' });
    // Shanghai numbers have eight digits after the area code.
    expect(normalizePhone('021-1234567')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(normalizePhone('0571-8765432')).toMatchObject({ ok: false });
    expect(normalizePhone('1380013800012345678')).toMatchObject({ ok: false });
  });

  it('needs a country code when the default country is unknown', () => {
    expect(normalizePhone('13800138000', 'XX')).toMatchObject({ ok: false, reason: 'invalid_country' });
    expect(normalizePhone('+8613800138000', 'XX')).toMatchObject({ ok: true, e164: '+8613800138000' });
  });

  it('gives the same number for a mobile written with or without +86, 0086, spaces, hyphens or full-width digits', () => {
    fc.assert(
      fc.property(
        chineseMobile,
        fc.constantFrom('', '+86', '+86 ', '0086', '0086-', '86 '),
        fc.constantFrom('', ' ', '-'),
        fc.boolean(),
        (mobile, prefix, separator, fullWidth) => {
          const plain = normalizePhone(mobile);
          fc.pre(plain.ok);
          const written = prefix + [mobile.slice(0, 3), mobile.slice(3, 7), mobile.slice(7)].join(separator);
          expect(normalizePhone(fullWidth ? toFullWidth(written) : written)).toEqual(plain);
        },
      ),
    );
  });

  it('returns an already normalised number unchanged', () => {
    fc.assert(
      fc.property(chineseMobile, (mobile) => {
        const first = normalizePhone(mobile);
        fc.pre(first.ok);
        if (!first.ok) return;
        expect(normalizePhone(first.e164)).toEqual(first);
      }),
    );
  });

  it("returns every country's example mobile unchanged once normalised, with that country", () => {
    for (const country of getCountries()) {
      const example = getExampleNumber(country, examples);
      if (!example) continue;
      const normalised = normalizePhone(example.number);
      expect(normalised, country).toMatchObject({ ok: true, e164: example.number });
      if (!normalised.ok) continue;
      expect(normalizePhone(normalised.e164, country), country).toEqual(normalised);
      expect(normalizePhone(example.formatNational(), country), country).toEqual(normalised);
    }
  });

  it('keeps the extension in the stored form and reads that form back', () => {
    expect(normalizePhone('0571-87654321 分机 66')).toMatchObject({ stored: '+8657187654321;ext=66' });
    expect(normalizePhone('+8657187654321;ext=66')).toMatchObject({ e164: '+8657187654321', extension: '66' });
  });
});

/** A Shanghai, Beijing or Hangzhou landline as written on a business card, e.g. 021-12345678. */
const chineseLandline = fc.oneof(
  fc.stringMatching(/^[2-8]\d{7}$/).map((n) => `021-${n}`),
  fc.stringMatching(/^[2-8]\d{7}$/).map((n) => `010-${n}`),
  fc.stringMatching(/^[2-8]\d{7}$/).map((n) => `0571-${n}`),
);
const extensionDigits = fc.stringMatching(/^\d{1,6}$/);

describe('phone extensions', () => {
  it('reads 转, 分机 and ext. the same way, and stores the extension after the number', () => {
    fc.assert(
      fc.property(
        fc.oneof(chineseLandline, chineseMobile),
        extensionDigits,
        fc.constantFrom('转', ' 转 ', '分机', ' 分机', '轉', ' ext. ', ' x', ';ext='),
        (number, extension, marker) => {
          const plain = normalizePhone(number);
          fc.pre(plain.ok);
          if (!plain.ok) return;
          const read = normalizePhone(`${number}${marker}${extension}`);
          expect(read).toEqual({ ...plain, extension, stored: `${plain.e164};ext=${extension}` });
        },
      ),
    );
  });

  it('formats a stored number so that reading the text back gives the same stored number, in both languages', () => {
    fc.assert(
      fc.property(
        fc.oneof(chineseLandline, chineseMobile),
        fc.option(extensionDigits, { nil: null }),
        fc.constantFrom('zh-CN' as const, 'en' as const),
        (number, extension, locale) => {
          const plain = normalizePhone(number);
          fc.pre(plain.ok);
          if (!plain.ok) return;
          const stored = storedPhone(plain.e164, extension);
          const text = formatPhone(stored, locale);
          expect(normalizePhone(text)).toMatchObject({ ok: true, stored });
          expect(splitStoredPhone(stored)).toEqual({ e164: plain.e164, extension });
        },
      ),
    );
  });

  it("groups the digits and names the extension in the reader's language", () => {
    expect(formatPhone('+8615965346508')).toBe('+86 159 6534 6508');
    expect(formatPhone('+862112345678;ext=8001')).toBe('+86 21 1234 5678 转 8001');
    expect(formatPhone('+862112345678;ext=8001', 'en')).toBe('+86 21 1234 5678 ext. 8001');
    expect(formatPhone('+86138****8000')).toBe('+86138****8000');
  });
});
