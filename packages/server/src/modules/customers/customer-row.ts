import {
  type BillingProfile,
  type CreateCustomerInput,
  splitStoredPhone,
  storedMoneyJson,
  type UpdateCustomerInput,
} from '@berth/domain';
import type { Ctx } from '../../platform/context';
import { customerKeys, type UncodedCustomerKeys, withCode } from './customer-search-keys';
import type { BillingJson, customers } from './tables';

type CustomerInsert = typeof customers.$inferInsert;
export type CustomerRow = typeof customers.$inferSelect;

/** Where a new customer goes: its code and its owner and team, as the owner rule decided them. */
export interface NewCustomerPlacement {
  code: string;
  ownerId: string | null;
  teamId: string | null;
  /** The derived keys when the caller worked them out ahead (an import, outside its write). */
  keys?: UncodedCustomerKeys;
}

/**
 * The billing profile as stored: the credit limit in its own `numeric` and currency columns, the
 * rest in the billing JSON. A profile replaces the whole stored one, its credit limit too.
 */
export function billingValues(billing: BillingProfile) {
  const { creditLimit, ...rest } = billing;
  return {
    billing: rest as BillingJson,
    creditLimit: creditLimit?.amount ?? null,
    creditLimitCurrency: creditLimit?.currency ?? null,
  };
}

/** The company's number as stored: E.164 in `phone` (compared for duplicates), the extension apart. */
export function phoneColumns(phone: string | null | undefined): {
  phone: string | null;
  phoneExtension: string | null;
} {
  if (!phone) return { phone: null, phoneExtension: null };
  const { e164, extension } = splitStoredPhone(phone);
  return { phone: e164, phoneExtension: extension };
}

/** The billing profile of the API from the stored row. */
export function billingOf(row: Pick<CustomerRow, 'billing' | 'creditLimit' | 'creditLimitCurrency'>) {
  return { ...row.billing, creditLimit: storedMoneyJson(row.creditLimit, row.creditLimitCurrency) };
}

/**
 * The row of a new customer from the create input. The create use case and the importer both
 * insert with it; lanes go to their own table (`laneRows`).
 */
export function newCustomerValues(ctx: Ctx, input: CreateCustomerInput, placement: NewCustomerPlacement) {
  const { lanes: _lanes, ...tradeProfile } = input.tradeProfile;
  const { code, ownerId, teamId, keys } = placement;
  return {
    orgId: ctx.orgId,
    code,
    name: input.name,
    nameEn: input.nameEn ?? null,
    creditCode: input.creditCode ?? null,
    address: input.address ?? null,
    country: input.country ?? null,
    website: input.website ?? null,
    ...phoneColumns(input.phone),
    email: input.email ?? null,
    industry: input.industry ?? null,
    employees: input.employees ?? null,
    annualRevenue: input.annualRevenue?.amount ?? null,
    revenueCurrency: input.annualRevenue?.currency ?? null,
    roles: input.roles,
    relationshipType: input.relationshipType ?? null,
    status: input.status,
    ownerId,
    teamId,
    tradeProfile,
    ...billingValues(input.billing),
    ...(keys ? withCode(code, keys) : customerKeys({ code, ...input })),
  } satisfies CustomerInsert;
}

/**
 * The columns an edit changes, from the update input (only the fields it names), without the owner
 * and team, which the caller decides with the owner rule, and without lanes, which live in their
 * own table. The update use case and the importer's "update matched" both change customers with it.
 */
export function customerPatch(input: UpdateCustomerInput): Partial<CustomerRow> {
  const { tradeProfile, annualRevenue, billing, ownerId: _ownerId, teamId: _teamId, ...fields } = input;
  const { phone, ...rest } = fields;
  const patch: Partial<CustomerRow> = { ...rest };
  if (phone !== undefined) Object.assign(patch, phoneColumns(phone));
  if (billing) Object.assign(patch, billingValues(billing));
  if (annualRevenue !== undefined) {
    patch.annualRevenue = annualRevenue?.amount ?? null;
    patch.revenueCurrency = annualRevenue?.currency ?? null;
  }
  if (tradeProfile) {
    const { lanes: _lanes, ...rest } = tradeProfile;
    patch.tradeProfile = rest;
  }
  return patch;
}
