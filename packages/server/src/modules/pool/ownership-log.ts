import type { OwnershipChangeKind, timelineEntrySchema } from '@berth/domain';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { queryRows } from '../../db/database';
import type { Ctx } from '../../platform/context';
import { ownershipChanges } from './tables';

export interface OwnershipChange {
  customerId: string;
  kind: OwnershipChangeKind;
  fromOwnerId: string | null;
  toOwnerId: string | null;
  fromTeamId: string | null;
  toTeamId: string | null;
  reason?: string | null;
  details?: Record<string, unknown> | null;
}

/** Writes ownership changes in the caller's transaction, as the caller. */
export async function recordOwnershipChanges(ctx: Ctx, changes: OwnershipChange[]): Promise<void> {
  if (changes.length === 0) return;
  await ctx.db.insert(ownershipChanges).values(
    changes.map((c) => ({
      orgId: ctx.orgId,
      customerId: c.customerId,
      kind: c.kind,
      fromOwnerId: c.fromOwnerId,
      toOwnerId: c.toOwnerId,
      fromTeamId: c.fromTeamId,
      toTeamId: c.toTeamId,
      reason: c.reason || null,
      details: c.details ?? null,
      actorId: ctx.actor.id,
      actorType: ctx.actor.type,
    })),
  );
}

type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/**
 * The customer's ownership changes (and those of customers merged into it) as timeline entries:
 * kind `ownership`, action = claim | release | assign | handover | auto_return | update,
 * changes = owner_id (and team_id when it changed), meta = reason and the rule of an automatic return.
 * The caller has already checked that the customer is visible.
 */
export async function ownershipTimeline(
  ctx: Ctx,
  customerId: string,
  limit = 100,
  before: string | null = null,
): Promise<TimelineEntry[]> {
  const rows = await queryRows<{
    id: string;
    at: Date | string;
    kind: string;
    customer_id: string;
    from_owner_id: string | null;
    to_owner_id: string | null;
    from_team_id: string | null;
    to_team_id: string | null;
    reason: string | null;
    details: Record<string, unknown> | null;
    actor_id: string | null;
    actor_name: string | null;
  }>(
    ctx.db,
    sql`select oc.id, oc.at, oc.kind, oc.customer_id, oc.from_owner_id, oc.to_owner_id, oc.from_team_id,
               oc.to_team_id, oc.reason, oc.details, oc.actor_id, u.name as actor_name
          from ownership_changes oc
          left join users u on u.org_id = oc.org_id and u.id = oc.actor_id
         where oc.org_id = ${ctx.orgId}
           and oc.customer_id in (select ${customerId}::uuid
                                  union all
                                  select m.id from customers m
                                   where m.org_id = ${ctx.orgId} and m.merged_into_id = ${customerId})
           ${before ? sql`and oc.id < ${before}` : sql``}
         order by oc.id desc
         limit ${limit}`,
  );
  return rows.map((r) => {
    const changes: Record<string, [unknown, unknown]> = { owner_id: [r.from_owner_id, r.to_owner_id] };
    if (r.from_team_id !== r.to_team_id) changes.team_id = [r.from_team_id, r.to_team_id];
    return {
      id: r.id,
      at: new Date(r.at).toISOString(),
      kind: 'ownership',
      action: r.kind,
      entity: 'customers',
      entityId: r.customer_id,
      actorId: r.actor_id,
      actorName: r.actor_name,
      changes,
      meta: { reason: r.reason, ...(r.details ?? {}) },
    };
  });
}

/**
 * Audit rows (alias `a`) that only record the owner, team or pool columns changing in the same
 * transaction as an ownership change of that customer: the ownership entry tells it with its reason.
 */
export const auditOfOwnershipChange = sql`(a.entity = 'customers' and a.action = 'update' and a.changes is not null
  and not exists (select 1 from jsonb_object_keys(a.changes) k where k not in ('owner_id', 'team_id', 'pooled_at'))
  and exists (select 1 from ownership_changes oc
               where oc.org_id = a.org_id and oc.customer_id::text = a.entity_id and oc.at = a.at))`;

interface OwnerEdit {
  before: { id: string; ownerId: string | null; teamId: string | null };
  after: { ownerId: string | null; teamId: string | null };
}

/**
 * Records the owner or team changes made by editing customers (PATCH, an import with "update"), so
 * they are on the timeline too; edits that keep both are left out.
 */
export async function recordOwnerEdits(ctx: Ctx, edits: OwnerEdit[]): Promise<void> {
  await recordOwnershipChanges(
    ctx,
    edits
      .filter(({ before, after }) => before.ownerId !== after.ownerId || before.teamId !== after.teamId)
      .map(({ before, after }) => ({
        customerId: before.id,
        kind: 'update',
        fromOwnerId: before.ownerId,
        toOwnerId: after.ownerId,
        fromTeamId: before.teamId,
        toTeamId: after.teamId,
      })),
  );
}

export function recordOwnerEdit(ctx: Ctx, before: OwnerEdit['before'], after: OwnerEdit['after']): Promise<void> {
  return recordOwnerEdits(ctx, [{ before, after }]);
}
