import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatApiKey, formatSessionToken, parseApiKey, parseSessionToken } from './credentials';
import { randomToken } from './secrets';

const secretChars = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'];
const secret = fc.string({ unit: fc.constantFrom(...secretChars), minLength: 20, maxLength: 100 });
const uuid = fc.uuid();
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: fc.constantFrom(...secretChars, '.', ' ', 'b', 'k'), maxLength: 300 }),
);

describe('session tokens', () => {
  it('parse back into the organisation, id and secret they were made from', () => {
    fc.assert(
      fc.property(uuid, uuid, secret, (orgId, id, s) => {
        expect(parseSessionToken(formatSessionToken(orgId, id, s))).toEqual({ orgId, id, secret: s });
      }),
    );
  });

  it('work with the secrets the server generates', () => {
    for (let i = 0; i < 20; i++) {
      const s = randomToken();
      const orgId = randomUUID();
      const id = randomUUID();
      expect(parseSessionToken(formatSessionToken(orgId, id, s))).toEqual({ orgId, id, secret: s });
    }
  });

  it('parse any other text to null without throwing', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const parsed = parseSessionToken(text);
        // Only text in the exact format parses, and it parses to exactly that text.
        if (parsed) expect(formatSessionToken(parsed.orgId, parsed.id, parsed.secret)).toBe(text);
      }),
    );
  });

  it('are refused when a part is missing, too short, upper-case or has extra characters', () => {
    const orgId = '0190a4b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b';
    const id = '0190a4b2-7c3d-7e4f-8a5b-6c7d8e9f0a1c';
    const s = 'abcdefghijklmnopqrstuvwxyz';
    expect(parseSessionToken(formatSessionToken(orgId, id, s))).not.toBeNull();
    for (const bad of [
      undefined,
      '',
      `${orgId}.${id}`,
      `${orgId}.${id}.short`,
      `${orgId}.${id}.${'x'.repeat(101)}`,
      `${orgId.toUpperCase()}.${id}.${s}`,
      `${orgId}.${id}.${s}.extra`,
      ` ${orgId}.${id}.${s}`,
      `${orgId}.${id}.${s}\n`,
      `${orgId}.${id}.abc+defghijklmnopqrstuvwxyz`,
      formatApiKey(orgId, id, s),
    ]) {
      expect(parseSessionToken(bad), String(bad)).toBeNull();
    }
  });
});

describe('API keys', () => {
  it('parse back from a Bearer header into the organisation, id and secret they were made from', () => {
    fc.assert(
      fc.property(
        uuid,
        uuid,
        secret,
        fc.constantFrom('Bearer', 'bearer', 'BEARER'),
        fc.constantFrom(' ', '  ', '\t'),
        (orgId, id, s, scheme, space) => {
          expect(parseApiKey(`${scheme}${space}${formatApiKey(orgId, id, s)}`)).toEqual({ orgId, id, secret: s });
        },
      ),
    );
  });

  it('parse any other header to null without throwing', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          anyText.map((t) => `Bearer ${t}`),
        ),
        (header) => {
          const parsed = parseApiKey(header);
          if (parsed)
            expect(header).toMatch(
              new RegExp(`^Bearer\\s+${escapeRegExp(formatApiKey(parsed.orgId, parsed.id, parsed.secret))}$`, 'i'),
            );
        },
      ),
    );
  });

  it('are refused without the Bearer scheme, as a session token, or with a session token in their place', () => {
    const orgId = '0190a4b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b';
    const id = '0190a4b2-7c3d-7e4f-8a5b-6c7d8e9f0a1c';
    const s = 'abcdefghijklmnopqrstuvwxyz';
    const key = formatApiKey(orgId, id, s);
    expect(parseApiKey(`Bearer ${key}`)).not.toBeNull();
    for (const bad of [
      undefined,
      '',
      key,
      `Basic ${key}`,
      `Bearer${key}`,
      `Bearer ${key} x`,
      `Bearer ${formatSessionToken(orgId, id, s)}`,
    ]) {
      expect(parseApiKey(bad), String(bad)).toBeNull();
    }
    expect(parseSessionToken(key)).toBeNull();
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
