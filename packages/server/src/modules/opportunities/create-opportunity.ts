import type { CreateOpportunityInput, Opportunity } from '@berth/domain';
import { AppError } from '../../platform/app-error';
import { type Ctx, inTransaction, requireScope } from '../../platform/context';
import type { RecordOwner } from '../../platform/data-scope';
import { assertWritableFields } from '../../platform/field-access';
import { teamOfUser, visibleCustomer } from '../customers';
import { salesEventExists } from '../sales-events';
import { getOpportunity } from './get-opportunity';
import { insertOpportunity } from './insert-opportunity';
import { assertContactOfCustomer, assertOpportunityAssignment } from './opportunity-references';
import { activeStage, firstOpenStage } from './stages';

/**
 * Revenue follows the revenue field right, margin the costMargin right, for writing as for reading,
 * on the opportunity as it is and as it will be (a new owner).
 */
export function assertMayWriteMoney(
  ctx: Ctx,
  input: { expectedRevenue?: unknown; expectedMargin?: unknown },
  records: RecordOwner[],
  options: { creating?: boolean } = {},
) {
  assertWritableFields(ctx, 'opportunities', input, records, options);
}

export async function assertSalesEvent(ctx: Ctx, salesEventId: string | null | undefined): Promise<void> {
  if (!salesEventId) return;
  if (!(await salesEventExists(ctx, salesEventId))) throw AppError.validation('salesEventId', 'reference.invalid');
}

/** A new opportunity on a customer the caller can see, in the first open stage unless told. */
export async function createOpportunity(ctx: Ctx, input: CreateOpportunityInput): Promise<Opportunity> {
  requireScope(ctx, 'opportunities', 'create');
  return inTransaction(ctx, async (tx) => {
    const customer = await visibleCustomer(tx, 'read', input.customerId);
    if (!customer) throw AppError.validation('customerId', 'opportunity.customer_unknown');
    await assertContactOfCustomer(tx, input.contactId, input.customerId);
    await assertSalesEvent(tx, input.salesEventId);
    const ownerId = input.ownerId === undefined ? tx.userId : input.ownerId;
    const teamId = input.teamId === undefined ? await teamOfUser(tx, ownerId) : input.teamId;
    await assertOpportunityAssignment(tx, 'create', { ownerId, teamId });
    assertMayWriteMoney(tx, input, [{ ownerId, teamId }], { creating: true });
    const stage = input.stage ? await activeStage(tx, input.stage) : await firstOpenStage(tx);
    const { id } = await insertOpportunity(
      tx,
      { ...input, contactId: input.contactId ?? null, salesEventId: input.salesEventId ?? null, ownerId, teamId },
      stage,
    );
    return getOpportunity(tx, id, { bypassScope: true });
  });
}
