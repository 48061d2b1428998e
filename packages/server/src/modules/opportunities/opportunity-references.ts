import { and, eq } from 'drizzle-orm';
import { AppError } from '../../platform/app-error';
import type { Ctx } from '../../platform/context';
import { nextCode } from '../../platform/next-code';
import { assertOwner } from '../../platform/owner-assignment';
import { contactRef } from '../customers';

/** The next opportunity code of the organisation (O000001, O000002, …), safe under concurrent creates. */
export function nextOpportunityCode(ctx: Ctx): Promise<string> {
  return nextCode(ctx, 'opportunity_code', 'O');
}

/** Owner and team of an opportunity, within the caller's opportunities scope (see ownerProblem). */
export async function assertOpportunityAssignment(
  ctx: Ctx,
  action: 'create' | 'update',
  target: { ownerId: string | null; teamId: string | null },
  currentOwnerId?: string | null,
): Promise<void> {
  await assertOwner(ctx, {
    resource: 'opportunities',
    action,
    ownerId: target.ownerId,
    teamId: target.teamId,
    currentOwnerId,
    codes: { outsideScope: 'opportunity.owner_outside_scope' },
  });
}

/** The contact, when given, must be one of the customer's. */
export async function assertContactOfCustomer(ctx: Ctx, contactId: string | null | undefined, customerId: string) {
  if (!contactId) return;
  const [row] = await ctx.db
    .select({ customerId: contactRef.customerId })
    .from(contactRef)
    .where(and(eq(contactRef.orgId, ctx.orgId), eq(contactRef.id, contactId)));
  if (!row) throw AppError.validation('contactId', 'reference.invalid');
  if (row.customerId !== customerId) throw AppError.validation('contactId', 'opportunity.contact_other_customer');
}
