import type { timelineEntrySchema } from '@berth/domain';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { queryRows } from '../../db/database';
import type { Ctx } from '../../platform/context';
import { can } from '../../platform/context';
import { seesPersonalData } from './contact-access';
import { getCustomer } from './get-customer';

type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/**
 * Everything that happened to a customer, newest first: changes to the record, to records merged
 * into it and to its contacts (from the audit log). Later modules add their events (activities, quotes, shipments, tickets).
 */
export async function customerTimeline(ctx: Ctx, customerId: string, limit = 100): Promise<TimelineEntry[]> {
  const customer = await getCustomer(ctx, customerId);
  const personal = seesPersonalData(ctx, customer);
  const billing = can(ctx, 'financials', 'read') || can(ctx, 'customerBilling', 'update');
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
    changes: r.changes ? visibleChanges(r.entity, r.changes, { personal, billing }) : null,
    meta: r.meta,
  }));
}

const personalFields = ['phones', 'emails', 'wechat', 'birthday'];

/** The history shows no more than the record itself would: masked personal data, no hidden billing. */
function visibleChanges(
  entity: string,
  changes: Record<string, [unknown, unknown]>,
  may: { personal: boolean; billing: boolean },
): Record<string, [unknown, unknown]> {
  const hidden = [
    ...(entity === 'contacts' && !may.personal ? personalFields : []),
    ...(entity === 'customers' && !may.billing ? ['billing'] : []),
  ];
  if (hidden.length === 0) return changes;
  return Object.fromEntries(
    Object.entries(changes).map(([field, pair]) => [field, hidden.includes(field) ? ['***', '***'] : pair]),
  ) as Record<string, [unknown, unknown]>;
}
