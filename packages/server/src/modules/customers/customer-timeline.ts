import type { Page } from '@berth/domain';
import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../../db/database';
import { type Ctx, can } from '../../platform/context';
import { decodeUuidCursor, encodeCursor } from '../../platform/http/keyset';
import {
  type AuditTimelineContributor,
  installedModules,
  type OwnTimelineContributor,
  type TimelineContributor,
  type TimelineEntry,
} from '../../platform/module';
import { customersInScope } from './customer-scope';
import { getCustomer } from './get-customer';
import { customers } from './tables';
import { recordOwners, visibleChanges } from './timeline-masking';

const contributors = (): TimelineContributor[] => installedModules().flatMap((m) => m.timeline ?? []);

/**
 * Everything that happened to a customer, newest first, one keyset page at a time: what each
 * module contributes (its manifest's `timeline`) — the record and the records merged into it,
 * contacts, notes, attachments, activities, tasks, opportunities, event leads from the audit log,
 * and entries modules keep themselves (ownership changes) — merged by their time-ordered ids.
 * Each contributor answers with its module's own read rule; the customer must be visible.
 *
 * Every audit branch names one entity and looks its ids up as `entity_id = any(array(…))`: the
 * planner then reads each branch from the (org, entity, entity_id) index and combines them,
 * instead of walking the whole audit log newest first and testing every row against every branch.
 */
export async function customerTimeline(
  ctx: Ctx,
  customerId: string,
  page: { limit: number; cursor?: string } = { limit: 100 },
): Promise<Page<TimelineEntry>> {
  const { limit } = page;
  const before = page.cursor ? decodeUuidCursor(page.cursor) : null;
  await getCustomer(ctx, customerId);
  const all = contributors();
  const entries = await auditEntries(ctx, customerId, all, { limit, before });
  for (const own of all.filter((c): c is OwnTimelineContributor => c.from === 'own')) {
    entries.push(...(await own.entries(ctx, customerId, { limit: limit + 1, before })));
  }
  // Each source gave its newest limit + 1 before the cursor: the newest `limit` of their union is the page.
  entries.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const items = await withCustomerNames(ctx, customerId, entries.slice(0, limit));
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: entries.length > limit && last ? encodeCursor(last.id, last.id) : null,
  };
}

async function auditEntries(
  ctx: Ctx,
  customerId: string,
  all: TimelineContributor[],
  page: { limit: number; before: string | null },
): Promise<TimelineEntry[]> {
  const audit = all.filter((c): c is AuditTimelineContributor => c.from === 'audit');
  const branches: SQL[] = [];
  for (const contributor of audit) {
    if (contributor.readPermission && !can(ctx, contributor.readPermission, 'read')) continue;
    const ids = await contributor.visibleIds(ctx, customerId);
    if (ids) branches.push(sql`(a.entity = ${contributor.entity} and a.entity_id = any(array(${ids})))`);
  }
  if (branches.length === 0) return [];
  const replaced = all.flatMap((c) => (c.from === 'own' && c.replacesAudit ? [c.replacesAudit] : []));
  const rows = await queryRows<{
    id: string;
    at: Date | string;
    action: string;
    entity: string;
    entity_id: string | null;
    actor_id: string | null;
    actor_name: string | null;
    changes: Record<string, [unknown, unknown]> | null;
    meta: Record<string, unknown> | null;
  }>(
    ctx.db,
    sql`select a.id, a.at, a.action, a.entity, a.entity_id, a.actor_id, u.name as actor_name, a.changes, a.meta
          from audit_log a
          left join users u on u.org_id = a.org_id and u.id = a.actor_id
         where a.org_id = ${ctx.orgId}
           and a.action <> 'read_personal_data'
           ${sql.join(
             replaced.map((r) => sql`and not ${r}`),
             sql` `,
           )}
           and (${sql.join(branches, sql` or `)})
           ${page.before ? sql`and a.id < ${page.before}` : sql``}
         order by a.id desc
         limit ${page.limit + 1}`,
  );
  // The history shows no more than the records themselves would, by the rights on each record.
  const owners = await recordOwners(
    ctx,
    rows.map((r) => ({ entity: r.entity, entityId: r.entity_id })),
  );
  const byEntity = new Map(audit.map((c) => [c.entity, c]));
  return rows.map((r) => {
    const contributor = byEntity.get(r.entity);
    const removed = Boolean(contributor?.softDelete) && isSoftDelete(r.changes);
    return {
      id: r.id,
      at: new Date(r.at).toISOString(),
      kind: contributor?.kind ?? r.entity,
      action: removed ? 'delete' : r.action,
      entity: r.entity,
      entityId: r.entity_id,
      actorId: r.actor_id,
      actorName: r.actor_name,
      changes: r.changes && !removed ? visibleChanges(ctx, r.entity, r.changes, owners(r.entity, r.entity_id)) : null,
      meta: r.meta,
    };
  });
}

/** A record deleted by marking it keeps its history findable: that update shows as a deletion. */
function isSoftDelete(changes: Record<string, [unknown, unknown]> | null): boolean {
  const deleted = changes?.deleted_at;
  return Array.isArray(deleted) && deleted[0] === null && deleted[1] !== null;
}

/** Fields of a history entry whose values are customer ids. */
const customerIdFields = ['customer_id', 'merged_into_id', 'related_id'];
const uuidText = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Names the customers the entries mention by id — a contact or opportunity moved from the merged record to this
 * one, the record this one absorbed, the one a merged record went into — by code and name: customers the caller
 * may read (the customer list's scope), and those merged into this customer, whose history is this one's.
 */
async function withCustomerNames(ctx: Ctx, customerId: string, entries: TimelineEntry[]): Promise<TimelineEntry[]> {
  const mentioned = (entry: TimelineEntry): string[] => {
    const ids: unknown[] = [];
    for (const field of customerIdFields) ids.push(...(entry.changes?.[field] ?? []));
    if (entry.entity === 'customers' && entry.action === 'merge') ids.push(entry.meta?.sourceId);
    return [...new Set(ids.filter((id): id is string => typeof id === 'string' && uuidText.test(id)))];
  };
  const ids = [...new Set(entries.flatMap(mentioned))];
  if (ids.length === 0) return entries;
  const named = await ctx.db
    .select({ id: customers.id, code: customers.code, name: customers.name })
    .from(customers)
    .where(
      and(
        eq(customers.orgId, ctx.orgId),
        inArray(customers.id, ids),
        or(customersInScope(ctx, 'read'), eq(customers.mergedIntoId, customerId)),
      ),
    );
  const byId = new Map(named.map((c) => [c.id, c]));
  return entries.map((entry) => {
    const refs = mentioned(entry).flatMap((id) => {
      const found = byId.get(id);
      return found ? [found] : [];
    });
    return refs.length > 0 ? { ...entry, customers: refs } : entry;
  });
}
