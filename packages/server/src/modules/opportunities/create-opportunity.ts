import type { CreateOpportunityInput, Opportunity } from '@berth/domain';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../platform/app-error';
import { type Ctx, inTransaction, requireScope } from '../../platform/context';
import { teamOfUser } from '../customers/assert-customer-assignment';
import { customerById } from '../customers/customer-scope';
import { customers } from '../customers/tables';
import { salesEvents } from '../sales-events/tables';
import { getOpportunity } from './get-opportunity';
import { insertOpportunity } from './insert-opportunity';
import { seesFinancials } from './opportunity-dto';
import { assertContactOfCustomer, assertOpportunityAssignment } from './opportunity-references';
import { activeStage, firstOpenStage } from './stages';

/** Revenue and margin follow the financials field rule for writing as for reading. */
export function assertMayWriteMoney(ctx: Ctx, input: { expectedRevenue?: unknown; expectedMargin?: unknown }) {
  if (seesFinancials(ctx)) return;
  for (const field of ['expectedRevenue', 'expectedMargin'] as const) {
    if (input[field] !== undefined && input[field] !== null) {
      throw AppError.validation(field, 'opportunity.financials_hidden');
    }
  }
}

export async function assertSalesEvent(ctx: Ctx, salesEventId: string | null | undefined): Promise<void> {
  if (!salesEventId) return;
  const [row] = await ctx.db
    .select({ id: salesEvents.id })
    .from(salesEvents)
    .where(and(eq(salesEvents.orgId, ctx.orgId), eq(salesEvents.id, salesEventId)));
  if (!row) throw AppError.validation('salesEventId', 'reference.invalid');
}

/** A new opportunity on a customer the caller can see, in the first open stage unless told. */
export async function createOpportunity(ctx: Ctx, input: CreateOpportunityInput): Promise<Opportunity> {
  requireScope(ctx, 'opportunities', 'create');
  assertMayWriteMoney(ctx, input);
  return inTransaction(ctx, async (tx) => {
    const [customer] = await tx.db
      .select({ id: customers.id })
      .from(customers)
      .where(customerById(tx, 'read', input.customerId));
    if (!customer) throw AppError.validation('customerId', 'opportunity.customer_unknown');
    await assertContactOfCustomer(tx, input.contactId, input.customerId);
    await assertSalesEvent(tx, input.salesEventId);
    const ownerId = input.ownerId === undefined ? tx.userId : input.ownerId;
    const teamId = input.teamId === undefined ? await teamOfUser(tx, ownerId) : input.teamId;
    await assertOpportunityAssignment(tx, 'create', { ownerId, teamId });
    const stage = input.stage ? await activeStage(tx, input.stage) : await firstOpenStage(tx);
    const { id } = await insertOpportunity(
      tx,
      { ...input, contactId: input.contactId ?? null, salesEventId: input.salesEventId ?? null, ownerId, teamId },
      stage,
    );
    return getOpportunity(tx, id, { scoped: false });
  });
}
