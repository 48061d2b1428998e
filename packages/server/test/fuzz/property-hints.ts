import { CREDIT_CODE_ALPHABET, creditCodeCheckChar } from '@berth/domain';
import fc from 'fast-check';
import type { PropertyHints } from './schema-arbitraries';
import type { Dataset } from './seed-dataset';

/** Which records an id-valued property names, by the property's name. */
const idProperties: Record<string, string> = {
  ownerId: 'users',
  userId: 'users',
  fromUserId: 'users',
  toUserId: 'users',
  actorId: 'users',
  mentions: 'users',
  teamId: 'teams',
  parentId: 'teams',
  roleId: 'roles',
  customerId: 'customers',
  sourceId: 'customers',
  excludeId: 'customers',
  tagId: 'tags',
  tagIds: 'tags',
  add: 'tags',
  remove: 'tags',
  contactId: 'contacts',
};

const creditCode = fc.array(fc.constantFrom(...CREDIT_CODE_ALPHABET), { minLength: 17, maxLength: 17 }).map((chars) => {
  const first17 = `91${chars.slice(2).join('')}`;
  return first17 + creditCodeCheckChar(first17);
});

/** Values the domain accepts beyond what the JSON schema says, mostly real ones, sometimes not. */
export function datasetHints(dataset: Dataset): PropertyHints {
  const strings: Record<string, fc.Arbitrary<string>> = {
    country: fc.constantFrom('CN', 'US', 'DE', 'SG', 'JP', 'cn', 'XX'),
    currency: fc.constantFrom('CNY', 'USD', 'EUR', 'XYZ'),
    email: fc.oneof(
      fc.constantFrom(...dataset.emails),
      fc.nat().map((n) => `fuzz-${n}@example.com`),
    ),
    password: fc.nat().map((n) => `Fuzz-pass-${n}x`),
    newPassword: fc.nat().map((n) => `Fuzz-pass-${n}y`),
    currentPassword: fc.nat().map((n) => `Wrong-pass-${n}z`),
    pol: fc.constantFrom('CNSHA', 'USLAX', 'DEHAM', 'SGSIN', 'cnngb'),
    pod: fc.constantFrom('CNSHA', 'USLAX', 'DEHAM', 'SGSIN', 'ZZZZZ'),
    lane: fc.constantFrom('CNSHA', 'CNSHA-USLAX', 'DEHAM-SGSIN'),
    creditCode: fc.oneof(creditCode, fc.constantFrom('91310000MA1FL8XQ3X', '')),
    phone: fc.constantFrom('13800138000', '+49 30 1234567', '021-12345678', '12'),
    website: fc.constantFrom('https://example.com', 'example.com', 'ftp://x'),
    q: fc.constantFrom('上海', 'freight', 'a', 'GmbH', '远洋', ''),
    base: fc.constantFrom('USD', 'EUR', 'usd', 'XYZ'),
    quote: fc.constantFrom('CNY', 'USD', 'JPY'),
    source: fc.constantFrom('tms', 'carrier-feed', 'import', 'TMS!'),
    externalId: fc.oneof(
      fc.constant('JOB-2026-0001'),
      fc.nat().map((n) => `JOB-${n}`),
    ),
    // Container numbers: valid ISO 6346 check digits, one digit off, and not a container number at all.
    number: fc.constantFrom('MSKU1234565', 'TGHU9876543', 'CSQU3054383', 'MSKU1234566', 'ABC'),
    url: fc.constantFrom('https://93.184.216.34/in', 'http://127.0.0.1:9/hook', 'http://10.0.0.8/x', 'ftp://x'),
    cursor: dataset.cursors.length > 0 ? fc.constantFrom(...dataset.cursors) : fc.constant(''),
  };
  return (name, schema) => {
    if (name === 'permissions' && schema.type === 'object') {
      return fc.constantFrom({}, { customers: { read: 'org' } }, { customers: { read: 'own', update: 'own' } });
    }
    if (schema.type !== 'string' || schema.enum) return undefined;
    const resource = idProperties[name] ?? idProperties[`${name}s`];
    if (resource) {
      const existing = dataset.ids[resource] ?? [];
      if (existing.length === 0) return fc.uuid();
      return fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...existing) }, { weight: 1, arbitrary: fc.uuid() });
    }
    return strings[name];
  };
}
