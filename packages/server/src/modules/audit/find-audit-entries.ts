import type { AuditEntry, auditListQuerySchema, Page } from '@berth/domain';
import { and, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { auditLog, users } from '../../db/schema';
import type { Ctx } from '../../platform/context';
import { scopeWhere } from '../../platform/data-scope';
import { maskAuditChanges } from '../../platform/field-access';
import { afterCursor, orderByKeyset, toPage } from '../../platform/http/keyset';
import { iso } from '../../platform/versioned-write';
import { auditRecordNames } from './audit-names';

/**
 * Newest first by the time-ordered id (no precision loss in the cursor); filters use (org_id, …) indexes.
 * Changes show no more than the records they describe: guarded fields are masked by the field
 * rights on each record (platform/field-access).
 */
export async function findAuditEntries(
  ctx: Ctx,
  query: z.infer<typeof auditListQuerySchema>,
): Promise<Page<AuditEntry>> {
  const keyset = { sort: auditLog.id, id: auditLog.id, direction: 'desc' as const, cursor: query.cursor };
  const conditions: (SQL | undefined)[] = [
    scopeWhere(ctx, 'audit', 'read', { orgId: auditLog.orgId, owner: auditLog.actorId }),
    afterCursor(keyset),
    query.entity ? eq(auditLog.entity, query.entity) : undefined,
    query.entityId ? eq(auditLog.entityId, query.entityId) : undefined,
    query.actorId ? eq(auditLog.actorId, query.actorId) : undefined,
    query.action ? eq(auditLog.action, query.action) : undefined,
    query.from ? gte(auditLog.at, new Date(query.from)) : undefined,
    query.to ? lt(auditLog.at, new Date(query.to)) : undefined,
  ];
  const rows = await ctx.db
    .select({
      entry: auditLog,
      actorName: sql<
        string | null
      >`coalesce(${users.name}, (select k.name from api_keys k where k.org_id = ${auditLog.orgId} and k.id = ${auditLog.actorId}))`,
    })
    .from(auditLog)
    .leftJoin(users, and(eq(users.orgId, auditLog.orgId), eq(users.id, auditLog.actorId)))
    .where(and(...conditions))
    .orderBy(...orderByKeyset(keyset))
    .limit(query.limit + 1);
  const page = toPage(
    rows,
    query.limit,
    (r) => [r.entry.id, r.entry.id],
    (r) => ({
      id: r.entry.id,
      at: iso(r.entry.at) as string,
      actorId: r.entry.actorId,
      actorName: r.actorName,
      actorType: r.entry.actorType,
      action: r.entry.action,
      entity: r.entry.entity,
      entityId: r.entry.entityId,
      entityName: null,
      entityCode: null,
      changes: r.entry.changes,
      meta: r.entry.meta,
      ip: r.entry.ip,
      requestId: r.entry.requestId,
    }),
  );
  const names = await auditRecordNames(ctx, page.items);
  const named = page.items.map((item) => {
    const record = names.nameOf(item.entity, item.entityId);
    if (record) return { ...item, entityName: record.name, entityCode: record.code ?? null };
    return names.mayShowChanges(item.entity, item.entityId) ? item : { ...item, changes: null, meta: null };
  });
  return { ...page, items: await maskAuditChanges(ctx, named) };
}
