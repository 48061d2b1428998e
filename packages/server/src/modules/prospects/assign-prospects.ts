import {
  type AssignProspectsInput,
  type AssignProspectsResult,
  type ProspectAssignment,
  spreadProspects,
} from '@berth/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows } from '../../db/database';
import { users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type Ctx, inTransaction, requireScope } from '../../platform/context';
import { customers } from '../customers/tables';
import { notify } from '../notifications/notify';
import { type Assignee, assignee } from '../pool/assign-customer';
import { ruleFor } from '../pool/pool-rules';
import { assignableProspects } from './prospect-scope';

async function actorName(ctx: Ctx): Promise<string | null> {
  if (!ctx.userId) return null;
  const [me] = await ctx.db
    .select({ name: users.name })
    .from(users)
    .where(and(eq(users.orgId, ctx.orgId), eq(users.id, ctx.userId)));
  return me?.name ?? null;
}

/**
 * Hands prospects to reps in one transaction: all to one rep (manual), or spread evenly over the
 * chosen reps (round robin, optionally keeping each country with one rep). Every prospect must be
 * assignable by the caller and every rep within their customers.assign scope. Each change is an
 * `assign` entry of the ownership log (so the customer's timeline shows it) and starts the pool
 * protection of the rep's team; each rep gets one notification for all their new prospects.
 */
export async function assignProspects(ctx: Ctx, input: AssignProspectsInput): Promise<AssignProspectsResult> {
  requireScope(ctx, 'customers', 'assign');
  if (input.mode === 'manual' && input.userIds.length !== 1) {
    throw AppError.validation('userIds', 'prospect.manual_needs_one_user');
  }
  return inTransaction(ctx, async (tx) => {
    const ids = [...new Set(input.customerIds)];
    const rows = await tx.db
      .select({ id: customers.id, country: customers.country, ownerId: customers.ownerId, teamId: customers.teamId })
      .from(customers)
      .where(and(assignableProspects(tx), inArray(customers.id, ids)))
      .orderBy(customers.id)
      .for('update');
    const byId = new Map(rows.map((r) => [r.id, r]));
    const missing = input.customerIds.findIndex((id) => !byId.has(id));
    if (missing >= 0) throw AppError.validation(`customerIds.${missing}`, 'prospect.not_assignable');

    const reps = new Map<string, Assignee>();
    for (const [i, userId] of input.userIds.entries()) {
      if (!reps.has(userId)) reps.set(userId, await assignee(tx, userId, undefined, `userIds.${i}`));
    }
    const prospects = ids.map((id) => byId.get(id) as (typeof rows)[number]);
    const plan: ProspectAssignment[] =
      input.mode === 'manual'
        ? prospects.map((p) => ({ customerId: p.id, ownerId: input.userIds[0] as string }))
        : spreadProspects(prospects, [...reps.keys()], { byCountry: input.by === 'country' });

    const protectionDays = new Map<string, number>();
    for (const rep of reps.values()) protectionDays.set(rep.id, (await ruleFor(tx, rep.teamId)).protectionDays);
    const changes = plan.filter((a) => {
      const rep = reps.get(a.ownerId) as Assignee;
      const current = byId.get(a.customerId);
      return current?.ownerId !== rep.id || current?.teamId !== rep.teamId;
    });
    if (changes.length > 0) {
      const values = sql.join(
        changes.map((a) => {
          const rep = reps.get(a.ownerId) as Assignee;
          const from = byId.get(a.customerId);
          return sql`(${a.customerId}::uuid, ${from?.ownerId ?? null}::uuid, ${from?.teamId ?? null}::uuid,
                      ${rep.id}::uuid, ${rep.teamId}::uuid, ${protectionDays.get(rep.id) ?? 0}::int)`;
        }),
        sql`, `,
      );
      // The rows are locked above, so the owners read there are still the ones being replaced.
      await queryRows(
        tx.db,
        sql`with plan (customer_id, from_owner_id, from_team_id, owner_id, team_id, protection_days) as (values ${values}),
            moved as (
              update customers c set owner_id = plan.owner_id, team_id = plan.team_id, owner_since = now(),
                     protected_until = now() + plan.protection_days * interval '1 day',
                     pooled_at = null, pool_warned_at = null, version = c.version + 1, updated_at = now()
                from plan
               where c.org_id = ${tx.orgId} and c.id = plan.customer_id
              returning c.id)
            insert into ownership_changes (org_id, customer_id, kind, from_owner_id, to_owner_id, from_team_id,
                                           to_team_id, reason, actor_id, actor_type)
            select ${tx.orgId}::uuid, plan.customer_id, 'assign', plan.from_owner_id, plan.owner_id, plan.from_team_id,
                   plan.team_id, ${input.reason || null}::text, ${tx.actor.id}::uuid, ${tx.actor.type}::text
              from plan join moved on moved.id = plan.customer_id
            returning customer_id`,
      );
      const perRep = new Map<string, number>();
      for (const a of changes) perRep.set(a.ownerId, (perRep.get(a.ownerId) ?? 0) + 1);
      const actor = await actorName(tx);
      await notify(
        tx,
        [...perRep.entries()]
          .filter(([userId]) => userId !== tx.userId)
          .map(([userId, count]) => ({
            userId,
            kind: 'prospects.assigned',
            params: { actor, count, reason: input.reason ?? null },
          })),
        { email: true },
      );
    }
    return { count: changes.length, assignments: plan };
  });
}
