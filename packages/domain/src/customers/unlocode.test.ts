import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countries } from '../reference/countries';
import { checkUnlocode, isUnlocode, normalizeUnlocode } from './unlocode';

const locationChar = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ23456789');
const location = fc.array(locationChar, { minLength: 3, maxLength: 3 }).map((chars) => chars.join(''));
const country = fc.constantFrom(...countries.map((c) => c.code));

describe('UN/LOCODE', () => {
  it('accepts real codes, including locations with digits', () => {
    for (const code of ['CNSHA', 'NLRTM', 'USLAX', 'HKHKG', 'GB2AB', 'DE9AA']) {
      expect(isUnlocode(code), code).toBe(true);
    }
  });

  it('accepts codes written with a space, a hyphen, in lower case or full width', () => {
    expect(checkUnlocode('CN SHA')).toEqual({ ok: true, value: 'CNSHA' });
    expect(checkUnlocode(' cn-sha ')).toEqual({ ok: true, value: 'CNSHA' });
    expect(checkUnlocode('ＣＮＳＨＡ')).toEqual({ ok: true, value: 'CNSHA' });
  });

  it('rejects malformed codes', () => {
    for (const code of ['', 'CNSH', 'CNSHAA', 'CN1SH', 'CNSH0', '1NSHA', 'CN-S*A']) {
      expect(checkUnlocode(code), code).toEqual({ ok: false, reason: 'format', code: 'customer.unlocode_invalid' });
    }
  });

  it('rejects codes of a country ISO 3166 does not know', () => {
    expect(checkUnlocode('XXSHA')).toEqual({ ok: false, reason: 'country', code: 'customer.unlocode_invalid' });
    expect(checkUnlocode('UKLON')).toMatchObject({ ok: false, reason: 'country' });
  });

  it('checks exactly what it is given when asked isUnlocode', () => {
    expect(isUnlocode('cnsha')).toBe(false);
    expect(isUnlocode('CN SHA')).toBe(false);
  });

  it('accepts any known country with any three-character location', () => {
    fc.assert(fc.property(country, location, (c, l) => isUnlocode(c + l)));
  });

  it('rejects 0 and 1 in the location part', () => {
    fc.assert(
      fc.property(country, location, fc.nat(2), fc.constantFrom('0', '1'), (c, l, position, digit) => {
        const code = c + l.slice(0, position) + digit + l.slice(position + 1);
        expect(checkUnlocode(code)).toMatchObject({ ok: false, reason: 'format' });
      }),
    );
  });

  it('normalising twice is the same as normalising once', () => {
    fc.assert(
      fc.property(fc.string(), (input) => normalizeUnlocode(normalizeUnlocode(input)) === normalizeUnlocode(input)),
    );
  });
});
