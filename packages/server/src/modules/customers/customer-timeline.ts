import type { Page, timelineEntrySchema } from '@berth/domain';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { queryRows } from '../../db/database';
import type { Ctx } from '../../platform/context';
import { decodeUuidCursor, toPage } from '../../platform/http/keyset';
import { activitiesOnTimeline } from '../activities/timeline';
import { mayOnCustomer } from '../notes/customer-access';
import { opportunityTimelineBranch } from '../opportunities/customer-timeline-branch';
import { auditOfOwnershipChange, withOwnershipChanges } from '../pool/ownership-log';
import { leadTimelineBranch } from '../sales-events/customer-timeline-branch';
import { getCustomer } from './get-customer';
import { recordOwners, visibleChanges } from './timeline-masking';

type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/**
 * Every branch names one entity and looks its ids up as `entity_id = any(array(…))`: the planner
 * then reads each branch from the (org, entity, entity_id) index and combines them, instead of
 * walking the whole audit log newest first and testing every row against every branch.
 *
 * Everything that happened to a customer, newest first: changes to the record, to records merged
 * into it, to its contacts, notes and attachments (from the audit log), one keyset page at a time (audit ids are
 * time-ordered). Later modules add their events (activities, quotes, shipments, tickets).
 */
export async function customerTimeline(
  ctx: Ctx,
  customerId: string,
  page: { limit: number; cursor?: string } = { limit: 100 },
): Promise<Page<TimelineEntry>> {
  const { limit } = page;
  const before = page.cursor ? decodeUuidCursor(page.cursor) : null;
  await getCustomer(ctx, customerId);
  // Notes and attachments follow their own permissions on this customer.
  const notes = await mayOnCustomer(ctx, 'notes', 'read', customerId);
  const files = await mayOnCustomer(ctx, 'attachments', 'read', customerId);
  const activities = await activitiesOnTimeline(ctx, customerId);
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
           and not ${auditOfOwnershipChange}
           and ((a.entity = 'customers' and a.entity_id = any(array(
                   select ${customerId}::text
                   union all
                   select m.id::text from customers m
                    where m.org_id = ${ctx.orgId} and m.merged_into_id = ${customerId})))
             or (a.entity = 'contacts' and a.entity_id = any(array(
                   select c.id::text from contacts c where c.org_id = ${ctx.orgId} and c.customer_id = ${customerId})))
             or (${sql.raw(String(notes))} and a.entity = 'notes' and a.entity_id = any(array(
                   select n.id::text from notes n where n.org_id = ${ctx.orgId} and n.customer_id = ${customerId})))
             or (${sql.raw(String(files))} and a.entity = 'attachments' and a.entity_id = any(array(
                   select f.id::text from attachments f where f.org_id = ${ctx.orgId} and f.customer_id = ${customerId})))
             or ${activities}
             or ${opportunityTimelineBranch(ctx, customerId)}
             or ${leadTimelineBranch(ctx, customerId)})
           ${before ? sql`and a.id < ${before}` : sql``}
         order by a.id desc
         limit ${limit + 1}`,
  );
  const owners = await recordOwners(
    ctx,
    rows.map((r) => ({ entity: r.entity, entityId: r.entity_id })),
  );
  const auditPage = toPage(
    rows,
    limit,
    (r) => [r.id, r.id],
    (r) => {
      const removed = isSoftDelete(r.entity, r.changes);
      return {
        id: r.id,
        at: new Date(r.at).toISOString(),
        kind: kindOf(r.entity),
        action: removed ? 'delete' : r.action,
        entity: r.entity,
        entityId: r.entity_id,
        actorId: r.actor_id,
        actorName: r.actor_name,
        changes: r.changes && !removed ? visibleChanges(ctx, r.entity, r.changes, owners(r.entity, r.entity_id)) : null,
        meta: r.meta,
      };
    },
  );
  // Ownership changes (claim, release, assign, handover, automatic return) come from the pool module.
  return withOwnershipChanges(ctx, customerId, { limit, before }, auditPage);
}

const kinds: Record<string, string> = {
  customers: 'customer_change',
  contacts: 'contact_change',
  notes: 'note',
  attachments: 'attachment',
  activities: 'activity',
  tasks: 'task',
  opportunities: 'opportunity',
  sales_event_leads: 'event_lead',
};
const kindOf = (entity: string) => kinds[entity] ?? entity;

/** Notes and attachments are deleted by marking them, so their history stays findable: show that as a deletion. */
function isSoftDelete(entity: string, changes: Record<string, [unknown, unknown]> | null): boolean {
  if (entity !== 'notes' && entity !== 'attachments' && entity !== 'activities') return false;
  const deleted = changes?.deleted_at;
  return Array.isArray(deleted) && deleted[0] === null && deleted[1] !== null;
}
