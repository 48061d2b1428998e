import fc from 'fast-check';

/**
 * Values a careless or malicious client sends. Each list aims at one way a server breaks:
 * database encodings, numeric ranges, parsers, size limits and text that is code elsewhere.
 */

export const hostileStrings: readonly string[] = [
  '',
  ' ',
  '\t\n\r',
  'a'.repeat(100_000),
  '中'.repeat(100_000),
  '😀'.repeat(10_000),
  'x'.repeat(2_701), // just over the 2,704-byte btree index entry limit once multi-byte
  '漢'.repeat(1_000),
  'nul\u0000inside',
  '\u0000',
  'lone high \uD800 surrogate',
  'lone low \uDFFF surrogate',
  '\uDBFF',
  '\u202Eevil.exe\u202Dtxt',
  'مرحبا بالعالم',
  'שלום',
  'ＡＢＣ１２３＠ｅｘａｍｐｌｅ．ｃｏｍ',
  'zero\u200Bwidth\uFEFF',
  'e\u0301\u0301\u0301\u0301',
  '\u0001\u0002\u001f\u007f\u0085',
  "' OR '1'='1",
  "'; DROP TABLE customers; --",
  '" OR ""="',
  '1; select pg_sleep(0); --',
  "\\'; \\\\",
  '%',
  '_%_',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg/onload=alert(1)>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: template injection text, sent literally
  '{{7*7}}${7*7}',
  '../../../../etc/passwd',
  'null',
  'undefined',
  'NaN',
  'true',
  '-1',
  '1e309',
  '0x1F',
  '2024-02-30',
  '0000-01-01T00:00:00Z',
  '0000-01-01',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '__proto__',
  'constructor',
];

/** Numbers at and beyond the edges; JSON has no NaN or Infinity, see `rawJsonNumbers`. */
export const hostileNumbers: readonly number[] = [
  -1,
  0,
  -0,
  0.5,
  1.5,
  -2_147_483_649,
  2_147_483_648,
  2 ** 53 + 2,
  -(2 ** 53) - 2,
  1e15 + 0.1,
  1e20,
  1e308,
  -1e308,
  Number.MIN_VALUE,
];

/** Number tokens that only exist as JSON text: they parse to Infinity, -0 or huge values. */
export const rawJsonNumbers: readonly string[] = ['1e999', '-1e999', '-0.0', '1E400', '123456789012345678901234567890'];

/** Whole bodies that are not what any route expects. */
export const hostileJsonTexts: readonly string[] = [
  '',
  'null',
  '[]',
  '"text"',
  '42',
  'true',
  '{',
  '{"a":}',
  "{'single':'quotes'}",
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"x":1}}}',
  '\uFEFF{}',
  '{"a":1,"a":2}',
  `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
  `${'{"a":'.repeat(2_000)}1${'}'.repeat(2_000)}`,
];

export const hostileIfMatch: readonly string[] = [
  'garbage',
  '"abc"',
  '"-1"',
  '"0"',
  '"99999999999999999999"',
  '"1", "2"',
  'W/"1"',
  '*',
  '',
  '"',
  `"${'9'.repeat(500)}"`,
  '"1\u00ff"',
];

export const hostileIdempotencyKeys: readonly string[] = [
  '',
  ' ',
  'k'.repeat(201),
  'k'.repeat(8_000),
  'fuzz-reused-key',
  '\u00e9\u00e8\u00ff',
  "'; DROP TABLE idempotency_keys; --",
];

export const hostileAcceptLanguages: readonly string[] = [
  '',
  '*',
  'q=;;,,;',
  'en;q=NaN',
  'zh;q=-1, en;q=1e999',
  'xx-YY-ZZ-123456789',
  ';;;;;;;;;;',
  'en-US,en;q=0.9,'.repeat(500),
  '\u00e4\u00f6\u00fc',
];

export const mismatchedContentTypes: readonly string[] = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=',
  'multipart/form-data; boundary=----fuzz',
  `multipart/form-data; boundary=${'b'.repeat(300)}`,
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/problem+json',
  'application/octet-stream',
  'APPLICATION/JSON',
  'application/json, text/html',
  '*/*',
  'garbage',
];

export const hostileAuthorization: readonly string[] = [
  'Bearer ',
  'Bearer garbage',
  'Basic YWRtaW46YWRtaW4=',
  'Bearer bk.00000000-0000-0000-0000-000000000000.00000000-0000-0000-0000-000000000000.aaaaaaaaaaaaaaaaaaaaaaaa',
];

/** Path segments and query values as raw URL text: broken percent-escapes, NUL, traversal. */
export const hostileUrlTexts: readonly string[] = [
  '%00',
  '%FF%FE',
  '%ED%A0%80',
  '%C0%AF',
  '%',
  '%%',
  '%zz',
  '..%2F..%2F',
  '%2e%2e',
  '%E2%80%AE',
  '%EF%BC%A1',
  '%27%20OR%201%3D1--',
  '%3Cscript%3E',
];

/** Query values for limits, dates and cursors. */
export const hostileQueryNumbers: readonly string[] = [
  '0',
  '-1',
  '1.5',
  '1e3',
  'NaN',
  'Infinity',
  '-Infinity',
  '0x10',
  ' 5',
  '99999999999999999999',
  '201',
  '',
];

export const hostileDates: readonly string[] = [
  'yesterday',
  '2024-13-45',
  '0000-00-00',
  '99999-01-01',
  '2024-01-01T25:61:00Z',
  'infinity',
  '-infinity',
  'epoch',
  '1970-01-01T00:00:00+99:00',
  '2024-01-01T00:00:00.123456789Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999999Z',
];

/** Cursors that decode fine as base64url JSON but carry values of the wrong kind. */
export function hostileCursors(): string[] {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
  return [
    'garbage',
    '%%%',
    '',
    'W10',
    encode([]),
    encode(['x']),
    encode([null, 'not-a-uuid']),
    encode(['2024-01-01T00:00:00.000Z', 'not-a-uuid']),
    encode([{ a: 1 }, '00000000-0000-0000-0000-000000000000']),
    encode([[1, 2], '00000000-0000-0000-0000-000000000000']),
    encode([1e308, '00000000-0000-0000-0000-000000000000']),
    encode(['nul\u0000', '00000000-0000-0000-0000-000000000000']),
    encode(['9999999-01-01', '00000000-0000-0000-0000-000000000000']),
    encode([true, "'; drop table users; --"]),
    encode([1, 2]),
    Buffer.from('\u0000\u0001garbage').toString('base64url'),
  ];
}

/** Nests a value deeper than any schema allows. */
export function deeplyNested(depth: number, leaf: unknown = 1): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { nested: value };
  return value;
}

export const hostileStringArb = fc.constantFrom(...hostileStrings);
export const hostileNumberArb = fc.constantFrom(...hostileNumbers);

/** Any JSON value of the wrong kind for a slot: the classic type confusions. */
export const wrongTypeArb: fc.Arbitrary<unknown> = fc.oneof(
  hostileStringArb,
  hostileNumberArb,
  fc.constantFrom<unknown>(true, false, null, [], {}, [null], { '': '' }, ['a', 1, null]),
  fc.integer({ min: 5, max: 200 }).map((depth) => deeplyNested(depth)),
);

/** A header value as a server receives it: text sent as UTF-8 bytes arrives as latin1 characters. */
export function asHeaderValue(text: string): string {
  return Buffer.from(text, 'utf8')
    .toString('latin1')
    .replace(/[\r\n\0]/g, ' ');
}
