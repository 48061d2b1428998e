import type { AssignCustomerInput, Customer, HandoverInput } from '@berth/domain';
import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../../db/database';
import { teams, users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type Ctx, inTransaction, requireScope } from '../../platform/context';
import { scopeWhere } from '../../platform/data-scope';
import { toCustomer } from '../customers/customer-dto';
import { customers } from '../customers/tables';
import { notify } from '../notifications/notify';
import { recordOwnershipChanges } from './ownership-log';
import { ruleFor } from './pool-rules';
import { assignableCustomers } from './pool-scope';

export interface Assignee {
  id: string;
  name: string;
  teamId: string | null;
}

async function userOf(ctx: Ctx, id: string, field: string) {
  const [user] = await ctx.db
    .select({ id: users.id, name: users.name, teamId: users.teamId, status: users.status })
    .from(users)
    .where(and(eq(users.orgId, ctx.orgId), eq(users.id, id)));
  if (!user) throw AppError.validation(field, 'reference.invalid');
  return user;
}

/**
 * The new owner must be an active user of the organisation within the caller's customers.assign
 * scope: with "team" scope a member of the caller's teams (or the caller), and the customer's
 * team one of the caller's teams; with "own" scope only the caller.
 */
export async function assignee(
  ctx: Ctx,
  ownerId: string,
  teamId: string | null | undefined,
  field: string,
): Promise<Assignee> {
  const user = await userOf(ctx, ownerId, field);
  if (user.status !== 'active') throw AppError.validation(field, 'pool.user_inactive');
  const team = teamId === undefined ? user.teamId : teamId;
  if (team && teamId !== undefined) {
    const [found] = await ctx.db
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.orgId, ctx.orgId), eq(teams.id, team)));
    if (!found) throw AppError.validation('teamId', 'reference.invalid');
  }
  const scope = requireScope(ctx, 'customers', 'assign');
  const self = ownerId === ctx.userId;
  const inTeams = (id: string | null) => !!id && ctx.teamIds.includes(id);
  if (scope === 'own' && !self) throw AppError.validation(field, 'customer.owner_outside_scope');
  if (scope === 'team' && !((self || inTeams(user.teamId)) && (inTeams(team) || (self && team === user.teamId)))) {
    throw AppError.validation(field, 'customer.owner_outside_scope');
  }
  return { id: user.id, name: user.name, teamId: team };
}

async function actorName(ctx: Ctx): Promise<string | null> {
  if (!ctx.userId) return null;
  const [me] = await ctx.db
    .select({ name: users.name })
    .from(users)
    .where(and(eq(users.orgId, ctx.orgId), eq(users.id, ctx.userId)));
  return me?.name ?? null;
}

/** A manager gives a customer (owned or pooled) to a user in their scope; the new owner is notified. */
export async function assignCustomer(
  ctx: Ctx,
  id: string,
  expected: number | undefined,
  input: AssignCustomerInput,
): Promise<Customer> {
  return inTransaction(ctx, async (tx) => {
    const [current] = await tx.db
      .select()
      .from(customers)
      .where(and(assignableCustomers(tx), eq(customers.id, id)))
      .for('update');
    if (!current) throw AppError.notFound();
    const target = await assignee(tx, input.ownerId, input.teamId, 'ownerId');
    if (expected !== undefined && expected !== current.version) throw AppError.versionConflict();
    if (current.ownerId === target.id && current.teamId === target.teamId) return toCustomer(tx, tx.db, current);
    const rule = await ruleFor(tx, target.teamId);
    const [row] = await tx.db
      .update(customers)
      .set({
        ownerId: target.id,
        teamId: target.teamId,
        ownerSince: sql`now()`,
        protectedUntil: sql`now() + ${rule.protectionDays} * interval '1 day'`,
        pooledAt: null,
        poolWarnedAt: null,
        version: sql`${customers.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(customers.orgId, tx.orgId), eq(customers.id, id)))
      .returning();
    const updated = row as typeof customers.$inferSelect;
    await recordOwnershipChanges(tx, [
      {
        customerId: id,
        kind: 'assign',
        fromOwnerId: current.ownerId,
        toOwnerId: target.id,
        fromTeamId: current.teamId,
        toTeamId: target.teamId,
        reason: input.reason,
      },
    ]);
    if (target.id !== tx.userId) {
      await notify(
        tx,
        [
          {
            userId: target.id,
            kind: 'customer.assigned',
            params: { actor: await actorName(tx), customer: updated.name, reason: input.reason ?? null },
            subject: { type: 'customer', id },
          },
        ],
        { email: true },
      );
    }
    return toCustomer(tx, tx.db, updated);
  });
}

/** The customers a handover from `fromUserId` moves: theirs within the caller's customers.assign scope, not merged. */
export function handoverCandidates(ctx: Ctx, fromUserId: string, customerIds?: string[]): SQL {
  return and(
    scopeWhere(ctx, 'customers', 'assign', {
      orgId: customers.orgId,
      owner: customers.ownerId,
      team: customers.teamId,
    }),
    eq(customers.ownerId, fromUserId),
    isNull(customers.mergedIntoId),
    customerIds ? inArray(customers.id, customerIds) : undefined,
  ) as SQL;
}

/**
 * A departing rep's customers go to a colleague in one set-based statement: all of them within the
 * caller's customers.assign scope, or the listed ones. Contacts, notes and every linked record stay
 * with their customer; each customer's history gets a handover entry. Returns how many moved.
 */
export async function handoverCustomers(ctx: Ctx, input: HandoverInput): Promise<{ count: number }> {
  if (input.fromUserId === input.toUserId) throw AppError.validation('toUserId', 'pool.same_user');
  return inTransaction(ctx, async (tx) => {
    const from = await userOf(tx, input.fromUserId, 'fromUserId');
    const target = await assignee(tx, input.toUserId, undefined, 'toUserId');
    const rule = await ruleFor(tx, target.teamId);
    const rows = await queryRows<{ customer_id: string }>(
      tx.db,
      sql`with picked as (
            select ${customers.id} as id, ${customers.teamId} as team_id from ${customers}
             where ${handoverCandidates(tx, from.id, input.customerIds)}
             for update),
          moved as (
            update ${customers} set owner_id = ${target.id}::uuid,
                   team_id = coalesce(${target.teamId}::uuid, picked.team_id),
                   owner_since = now(),
                   protected_until = now() + ${rule.protectionDays} * interval '1 day',
                   pooled_at = null, pool_warned_at = null,
                   version = ${customers.version} + 1, updated_at = now()
              from picked
             where ${customers.orgId} = ${tx.orgId} and ${customers.id} = picked.id
            returning ${customers.id} as id, picked.team_id as from_team_id, ${customers.teamId} as to_team_id)
          insert into ownership_changes (org_id, customer_id, kind, from_owner_id, to_owner_id, from_team_id, to_team_id,
                                         reason, actor_id, actor_type)
          select ${tx.orgId}::uuid, moved.id, 'handover', ${from.id}::uuid, ${target.id}::uuid, moved.from_team_id,
                 moved.to_team_id, ${input.reason || null}::text, ${tx.actor.id}::uuid, ${tx.actor.type}::text
            from moved
          returning customer_id`,
    );
    const count = rows.length;
    if (count > 0 && target.id !== tx.userId) {
      await notify(
        tx,
        [
          {
            userId: target.id,
            kind: 'customer.handover',
            params: { actor: await actorName(tx), from: from.name, count, reason: input.reason ?? null },
          },
        ],
        { email: true },
      );
    }
    return { count };
  });
}
