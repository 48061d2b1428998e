import { defaultPoolRule, type OwnershipChangeKind } from '@berth/domain';
import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import { arrayParam, queryRows } from '../../db/database';
import { type Ctx, nowSql } from '../../platform/context';
import { customerOwnership } from '../customers';
import { poolRules } from './tables';

/** Why customers change hands, and what that does to the pool clocks. */
export type OwnerChangeReason = 'assign' | 'claim' | 'handover' | 'release' | 'merge';

const reasons: Record<OwnerChangeReason, { kind: OwnershipChangeKind; protect: boolean }> = {
  assign: { kind: 'assign', protect: true },
  claim: { kind: 'claim', protect: true },
  handover: { kind: 'handover', protect: true },
  release: { kind: 'release', protect: false },
  // The kept record takes over the absorbed record's owner: a new owner like any other, on the
  // timeline as an owner change with the merge named.
  merge: { kind: 'update', protect: true },
};

export interface NewOwner {
  /** null returns the customers to their team's pool. */
  ownerId: string | null;
  /** The team the customers go to; undefined keeps each customer's team. */
  teamId?: string | null;
}

export interface OwnerChangeNote {
  reason: OwnerChangeReason;
  /** What the person gave as the reason. */
  text?: string | null;
  details?: Record<string, unknown> | null;
}

export interface ChangedOwner {
  id: string;
  fromOwnerId: string | null;
  fromTeamId: string | null;
  toTeamId: string | null;
}

/**
 * The one way customers change hands (assign, claim, release, handover, merge): in one statement,
 * every selected customer whose owner or team differs gets the new owner and fresh pool clocks —
 * owned since now, protected for the protection days of its new team's rule (assign, claim,
 * handover, merge), out of the pool, unwarned; a release puts it in the pool instead — and one
 * ownership-log row each. `selection` is customer ids the caller has checked and locked, or a
 * condition on `customers` that carries the caller's scope. Returns the customers that changed.
 */
export async function changeOwner(
  ctx: Ctx,
  selection: string[] | SQL,
  owner: NewOwner,
  note: OwnerChangeNote,
): Promise<ChangedOwner[]> {
  if (Array.isArray(selection) && selection.length === 0) return [];
  const { kind, protect } = reasons[note.reason];
  const where = Array.isArray(selection) ? inArray(customerOwnership.id, selection) : selection;
  const toTeam = owner.teamId === undefined ? sql`${customerOwnership.teamId}` : sql`${owner.teamId}::uuid`;
  const now = nowSql(ctx);
  const protectedUntil = protect
    ? sql`${now} + coalesce((select pr.protection_days from pool_rules pr
                             where pr.org_id = ${ctx.orgId} and (pr.team_id = picked.to_team_id or pr.team_id is null)
                             order by pr.team_id asc nulls last limit 1),
                           ${defaultPoolRule.protectionDays}) * interval '24 hours'`
    : sql`null`;
  const ownerId = sql`${owner.ownerId}::uuid`;
  const rows = await queryRows<{
    id: string;
    from_owner_id: string | null;
    from_team_id: string | null;
    to_team_id: string | null;
  }>(
    ctx.db,
    sql`with picked as (
          select ${customerOwnership.id} as id, ${customerOwnership.ownerId} as from_owner_id, ${customerOwnership.teamId} as from_team_id,
                 ${toTeam} as to_team_id
            from ${customerOwnership}
           where ${customerOwnership.orgId} = ${ctx.orgId} and ${where}
             and (${customerOwnership.ownerId} is distinct from ${ownerId} or ${customerOwnership.teamId} is distinct from ${toTeam})
           for update),
        moved as (
          update ${customerOwnership} set owner_id = ${ownerId}, team_id = picked.to_team_id,
                 owner_since = ${owner.ownerId === null ? sql`null` : now},
                 protected_until = ${protectedUntil},
                 pooled_at = ${owner.ownerId === null ? now : sql`null`},
                 pool_warned_at = null, version = ${customerOwnership.version} + 1, updated_at = now()
            from picked
           where ${customerOwnership.orgId} = ${ctx.orgId} and ${customerOwnership.id} = picked.id
          returning picked.id, picked.from_owner_id, picked.from_team_id, picked.to_team_id),
        logged as (
          insert into ownership_changes (org_id, customer_id, kind, from_owner_id, to_owner_id, from_team_id,
                                         to_team_id, reason, details, actor_id, actor_type)
          select ${ctx.orgId}::uuid, moved.id, ${kind}::text, moved.from_owner_id, ${ownerId}, moved.from_team_id,
                 moved.to_team_id, ${note.text || null}::text, ${note.details ? JSON.stringify(note.details) : null}::jsonb,
                 ${ctx.actor.id}::uuid, ${ctx.actor.type}::text
            from moved)
        select * from moved`,
  );
  return rows.map((r) => ({
    id: r.id,
    fromOwnerId: r.from_owner_id,
    fromTeamId: r.from_team_id,
    toTeamId: r.to_team_id,
  }));
}

/**
 * The end of the protection period of a customer that gets an owner now, in SQL: now plus the protection days of
 * the rule of `teamId` (its team's override, else the organisation's rule, else the default rule).
 */
export function protectedUntilSql(ctx: Ctx, teamId: string | null): SQL {
  return sql`(${nowSql(ctx)} + coalesce((select pr.protection_days from pool_rules pr
                                  where pr.org_id = ${ctx.orgId} and (pr.team_id = ${teamId}::uuid or pr.team_id is null)
                                  order by pr.team_id asc nulls last limit 1),
                                ${defaultPoolRule.protectionDays}) * interval '24 hours')`;
}

/**
 * Starts the pool clocks of new customers with an owner (entered by a user, imported, made from a lead): owned
 * since now and protected for the protection days of their team's rule, as a claimed or assigned customer is. Not
 * an edit of the record (the version stays, the audit log leaves these columns out). One statement for a whole
 * import batch.
 */
export async function startOwnerClocks(ctx: Ctx, customerIds: readonly string[]): Promise<void> {
  if (customerIds.length === 0) return;
  await ctx.db.execute(sql`update customers c
      set owner_since = ${nowSql(ctx)},
          protected_until = ${nowSql(ctx)} + coalesce((select pr.protection_days from pool_rules pr
                               where pr.org_id = c.org_id and (pr.team_id = c.team_id or pr.team_id is null)
                               order by pr.team_id asc nulls last limit 1),
                             ${defaultPoolRule.protectionDays}) * interval '24 hours'
    where c.org_id = ${ctx.orgId} and c.id = any(${arrayParam(customerIds)}::uuid[])
      and c.owner_id is not null and c.owner_since is null`);
}

/**
 * The pool clocks new customers start with, for their insert: with an owner, owned since now and protected for
 * the protection days of their team's rule (its override, else the organisation's, else the default) — what
 * `startOwnerClocks` sets, written by the insert itself, so that a batch of new customers is not rewritten (every
 * index entry and the update audit once more) right after it is inserted. One read of the rules per call.
 */
export async function newOwnerClocks(
  ctx: Ctx,
): Promise<
  (ownerId: string | null, teamId: string | null) => { ownerSince: Date | null; protectedUntil: Date | null }
> {
  const rules = await ctx.db
    .select({ teamId: poolRules.teamId, protectionDays: poolRules.protectionDays })
    .from(poolRules)
    .where(eq(poolRules.orgId, ctx.orgId));
  const days = new Map(rules.map((r) => [r.teamId, r.protectionDays]));
  const now = ctx.clock.now();
  return (ownerId, teamId) => {
    if (!ownerId) return { ownerSince: null, protectedUntil: null };
    const protection = (teamId ? days.get(teamId) : undefined) ?? days.get(null) ?? defaultPoolRule.protectionDays;
    return { ownerSince: now, protectedUntil: new Date(now.getTime() + protection * 24 * 60 * 60 * 1000) };
  };
}

/**
 * An edit of the record that names another owner (PATCH, an import with "update") changes the
 * owner inside the edit's own write: owned since now, no protection, out of the pool, unwarned.
 * These are the columns for one row; the importer writes them for each row of its batch update.
 */
export function editedOwnerClocks(ctx: Ctx, ownerId: string | null) {
  return { ownerSince: ownerId ? ctx.clock.now() : null, protectedUntil: null, pooledAt: null, poolWarnedAt: null };
}
