import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { normalizePhone } from '../customers/phone';
import { isE164, isGroupDismissed, isPlausibleEmail, normalizeGroupIds, percentOf } from './data-quality-rules';

describe('isE164', () => {
  it('accepts every number the phone validator stores', () => {
    const chinaMobile = fc
      .tuple(fc.constantFrom('13', '15', '18', '19'), fc.stringMatching(/^[0-9]{9}$/))
      .map(([prefix, rest]) => `${prefix}${rest}`);
    fc.assert(
      fc.property(chinaMobile, (input) => {
        const result = normalizePhone(input);
        if (result.ok) expect(isE164(result.e164)).toBe(true);
      }),
    );
    for (const input of ['+1 212 555 0100', '+44 20 7946 0958', '021-12345678', '+683 4002']) {
      const result = normalizePhone(input);
      expect(result.ok && isE164(result.e164), input).toBe(true);
    }
  });

  it('refuses numbers as typed, with spaces, dashes, a leading 0 or no plus', () => {
    for (const value of ['13800138000', '+86 138 0013 8000', '+86-13800138000', '+0123456789', '+12345', '']) {
      expect(isE164(value), value).toBe(false);
    }
  });
});

describe('isPlausibleEmail', () => {
  it('accepts every address the input validator accepts', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const lower = email.toLowerCase();
        if (z.email().safeParse(lower).success) expect(isPlausibleEmail(lower)).toBe(true);
      }),
    );
  });

  it('refuses addresses without @, with spaces or without a dotted domain', () => {
    for (const value of ['sales.example.com', 'a b@example.com', 'sales@example', 'a@@example.com', 'a@example.']) {
      expect(isPlausibleEmail(value), value).toBe(false);
    }
  });
});

describe('percentOf', () => {
  it('stays within 0–100, is 0 only for nothing and 100 only for everything', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.nat(1_000_000), (a, b) => {
        const [part, total] = a <= b ? [a, b] : [b, a];
        const p = percentOf(part, total);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(100);
        if (total > 0 && part === total) expect(p).toBe(100);
        if (part === 0) expect(p).toBe(0);
      }),
    );
  });
});

describe('duplicate dismissals', () => {
  it('hide a group whose members were all dismissed, in any order and case', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.uuid(), { minLength: 2, maxLength: 10 }), (ids) => {
        const stored = normalizeGroupIds([...ids].reverse().map((id) => id.toUpperCase()));
        expect(isGroupDismissed(ids, stored)).toBe(true);
        expect(isGroupDismissed(ids.slice(1), stored)).toBe(true);
      }),
    );
  });

  it('show the group again when a new member joins it', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.uuid(), { minLength: 3, maxLength: 10 }), (ids) => {
        const stored = normalizeGroupIds(ids.slice(1));
        expect(isGroupDismissed(ids, stored)).toBe(false);
      }),
    );
  });

  it('stores ids unique and sorted', () => {
    fc.assert(
      fc.property(fc.array(fc.uuid(), { maxLength: 10 }), (ids) => {
        const stored = normalizeGroupIds([...ids, ...ids]);
        expect(stored).toEqual([...new Set(stored)].sort());
        expect(new Set(stored)).toEqual(new Set(ids.map((id) => id.toLowerCase())));
      }),
    );
  });
});
