import { and, eq, sql } from 'drizzle-orm';
import { queryRows } from '../../db/database';
import { teams, users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type Ctx, requireScope } from '../../platform/context';
import { contacts } from '../customers/tables';

/** The next opportunity code of the organisation (O000001, O000002, …), safe under concurrent creates. */
export async function nextOpportunityCode(ctx: Ctx): Promise<string> {
  const [row] = await queryRows<{ value: string | number }>(
    ctx.db,
    sql`insert into counters (org_id, name, value) values (${ctx.orgId}, 'opportunity_code', 1)
        on conflict (org_id, name) do update set value = counters.value + 1
        returning value`,
  );
  return `O${String(row?.value).padStart(6, '0')}`;
}

/**
 * Owner and team must exist in the organisation; a rep with "own" scope keeps opportunities for
 * themselves, a manager with "team" scope within their teams.
 */
export async function assertOpportunityAssignment(
  ctx: Ctx,
  action: 'create' | 'update',
  target: { ownerId: string | null; teamId: string | null },
): Promise<void> {
  if (target.ownerId) {
    const [owner] = await ctx.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgId, ctx.orgId), eq(users.id, target.ownerId)));
    if (!owner) throw AppError.validation('ownerId', 'reference.invalid');
  }
  if (target.teamId) {
    const [team] = await ctx.db
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.orgId, ctx.orgId), eq(teams.id, target.teamId)));
    if (!team) throw AppError.validation('teamId', 'reference.invalid');
  }
  const scope = requireScope(ctx, 'opportunities', action);
  if (scope === 'own' && target.ownerId !== ctx.userId) {
    throw AppError.validation('ownerId', 'opportunity.owner_outside_scope');
  }
  if (scope === 'team' && target.ownerId !== ctx.userId && !(target.teamId && ctx.teamIds.includes(target.teamId))) {
    throw AppError.validation('teamId', 'opportunity.owner_outside_scope');
  }
}

/** The contact, when given, must be one of the customer's. */
export async function assertContactOfCustomer(ctx: Ctx, contactId: string | null | undefined, customerId: string) {
  if (!contactId) return;
  const [row] = await ctx.db
    .select({ customerId: contacts.customerId })
    .from(contacts)
    .where(and(eq(contacts.orgId, ctx.orgId), eq(contacts.id, contactId)));
  if (!row) throw AppError.validation('contactId', 'reference.invalid');
  if (row.customerId !== customerId) throw AppError.validation('contactId', 'opportunity.contact_other_customer');
}
