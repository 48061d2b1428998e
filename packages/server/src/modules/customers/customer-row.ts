import type { CreateCustomerInput, UpdateCustomerInput } from '@berth/domain';
import type { Ctx } from '../../platform/context';
import { customerKeys } from './customer-search-keys';
import type { customers } from './tables';

type CustomerInsert = typeof customers.$inferInsert;
export type CustomerRow = typeof customers.$inferSelect;

/** Where a new customer goes: its code and its owner and team, as the owner rule decided them. */
export interface NewCustomerPlacement {
  code: string;
  ownerId: string | null;
  teamId: string | null;
}

/**
 * The row of a new customer from the create input. The create use case and the importer both
 * insert with it; lanes go to their own table (`laneRows`).
 */
export function newCustomerValues(ctx: Ctx, input: CreateCustomerInput, placement: NewCustomerPlacement) {
  const { lanes: _lanes, ...tradeProfile } = input.tradeProfile;
  const { code, ownerId, teamId } = placement;
  return {
    orgId: ctx.orgId,
    code,
    name: input.name,
    nameEn: input.nameEn ?? null,
    creditCode: input.creditCode ?? null,
    address: input.address ?? null,
    country: input.country ?? null,
    website: input.website ?? null,
    phone: input.phone ?? null,
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
    billing: input.billing,
    ...customerKeys({ code, ...input }),
  } satisfies CustomerInsert;
}

/**
 * The columns an edit changes, from the update input (only the fields it names), without the owner
 * and team, which the caller decides with the owner rule, and without lanes, which live in their
 * own table. The update use case and the importer's "update matched" both change customers with it.
 */
export function customerPatch(input: UpdateCustomerInput): Partial<CustomerRow> {
  const { tradeProfile, annualRevenue, ownerId: _ownerId, teamId: _teamId, ...fields } = input;
  const patch: Partial<CustomerRow> = { ...fields };
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
