import type { timelineEntrySchema } from '@berth/domain';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { queryRows } from '../../db/database';
import type { Ctx } from '../../platform/context';
import { getCustomer } from './get-customer';

type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/**
 * Everything that happened to a customer, newest first: changes to the record, to records merged
 * into it and to its contacts (from the audit log). Later modules add their events (activities, quotes, shipments, tickets).
 */
export async function customerTimeline(ctx: Ctx, customerId: string, limit = 100): Promise<TimelineEntry[]> {
  await getCustomer(ctx, customerId);
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
           and ((a.entity = 'customers' and a.entity_id in
                   (select m.id::text from customers m
                     where m.org_id = ${ctx.orgId} and (m.id = ${customerId} or m.merged_into_id = ${customerId})))
             or (a.entity = 'contacts' and a.entity_id in
                   (select c.id::text from contacts c where c.org_id = ${ctx.orgId} and c.customer_id = ${customerId})))
         order by a.id desc
         limit ${limit}`,
  );
  return rows.map((r) => ({
    id: r.id,
    at: new Date(r.at).toISOString(),
    kind: r.entity === 'customers' ? 'customer_change' : 'contact_change',
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    actorId: r.actor_id,
    actorName: r.actor_name,
    changes: r.changes,
    meta: r.meta,
  }));
}
