import type { Page, Prospect, ProspectListQuery } from '@berth/domain';
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Ctx } from '../../platform/context';
import { afterCursor, orderByKeyset, toPage } from '../../platform/http/keyset';
import { customerRef, searchNeedle } from '../customers';
import { visibleProspects } from './prospect-scope';

const likePattern = (needle: string) => `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The latest event a prospect was captured at, as {id, name}. */
const sourceEvent = sql<{ id: string; name: string } | null>`(
  select jsonb_build_object('id', e.id, 'name', e.name)
    from sales_event_leads l
    join sales_events e on e.org_id = l.org_id and e.id = l.event_id
   where l.org_id = ${customerRef.orgId} and l.customer_id = ${customerRef.id}
   order by l.id desc limit 1)`;

/** Prospects (customers with status prospect) the actor sees, newest first, with their owner and source event. */
export async function findProspects(ctx: Ctx, query: ProspectListQuery): Promise<Page<Prospect>> {
  const keyset = { sort: customerRef.id, id: customerRef.id, direction: 'desc' as const, cursor: query.cursor };
  const needle = query.q ? searchNeedle(query.q) : '';
  const conditions: (SQL | undefined)[] = [
    visibleProspects(ctx),
    afterCursor(keyset),
    query.country ? eq(customerRef.country, query.country) : undefined,
    query.ownerId ? eq(customerRef.ownerId, query.ownerId) : undefined,
    query.unassigned ? isNull(customerRef.ownerId) : undefined,
    query.salesEventId
      ? sql`exists (select 1 from sales_event_leads l where l.org_id = ${customerRef.orgId}
                     and l.customer_id = ${customerRef.id} and l.event_id = ${query.salesEventId})`
      : undefined,
    needle ? sql`${customerRef.searchText} like ${likePattern(needle)}` : undefined,
  ];
  const rows = await ctx.db
    .select({
      id: customerRef.id,
      code: customerRef.code,
      name: customerRef.name,
      nameEn: customerRef.nameEn,
      country: customerRef.country,
      ownerId: customerRef.ownerId,
      ownerName: users.name,
      teamId: customerRef.teamId,
      sourceEvent,
      createdAt: customerRef.createdAt,
      version: customerRef.version,
    })
    .from(customerRef)
    .leftJoin(users, and(eq(users.orgId, customerRef.orgId), eq(users.id, customerRef.ownerId)))
    .where(and(...conditions))
    .orderBy(...orderByKeyset(keyset))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (r) => [r.id, r.id],
    (r) => ({ ...r, ownerName: r.ownerName ?? null, createdAt: r.createdAt.toISOString() }),
  );
}
