import { isDeepStrictEqual } from 'node:util';
import type { CustomerEventRecord } from './events';
import type { customers } from './tables';

type Row = Pick<typeof customers.$inferSelect, 'id' | 'code' | 'status' | 'ownerId' | 'teamId'>;

/** What a customer event says of the record: nothing a field right guards (see events.ts). */
export function customerEventRecord(row: Row): CustomerEventRecord {
  return { customerId: row.id, code: row.code, status: row.status, ownerId: row.ownerId, teamId: row.teamId };
}

/** The API fields of the record an edit changed, by name only; derived keys and clocks are not fields. */
const apiFields = [
  'name',
  'nameEn',
  'creditCode',
  'address',
  'country',
  'website',
  'phone',
  'email',
  'industry',
  'employees',
  'annualRevenue',
  'roles',
  'relationshipType',
  'status',
  'ownerId',
  'teamId',
  'tradeProfile',
  'billing',
] as const;

export function changedCustomerFields(before: object, after: object): string[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const fields = apiFields.filter((field) => field in b && !isDeepStrictEqual(a[field], b[field]));
  // The extension is part of the API's phone.
  if ('phoneExtension' in b && a.phoneExtension !== b.phoneExtension && !fields.includes('phone')) fields.push('phone');
  return fields;
}
