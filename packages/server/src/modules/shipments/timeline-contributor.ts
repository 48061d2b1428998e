import { shipmentExceptionTypes } from '@berth/domain';
import { and, eq, sql } from 'drizzle-orm';
import { arrayParam, queryRows } from '../../db/database';
import { can } from '../../platform/context';
import type { AuditTimelineContributor, OwnTimelineContributor, TimelineEntry } from '../../platform/module';
import { shipmentReferenceSql } from './shipment-reference-sql';
import { shipmentsInScope } from './shipment-scope';
import { shipments } from './tables';

/**
 * The customer's shipments the caller may read: created, corrected, moved by a merge. Revenue and cost in the
 * entries follow the field rights (`guardedFields.shipments`), as everywhere in the audit log.
 */
export const shipmentTimeline: AuditTimelineContributor = {
  from: 'audit',
  entity: 'shipments',
  kind: 'shipment',
  readPermission: 'shipments',
  visibleIds: (ctx, customerId) =>
    ctx.db
      .select({ id: sql`${shipments.id}::text` })
      .from(shipments)
      .where(and(shipmentsInScope(ctx, 'read'), eq(shipments.customerId, customerId)))
      .getSQL(),
};

/**
 * A time-ordered id (UUID version 7 layout) for an entry that has none of its own, so it sorts among the audit
 * entries by the time it happened: the milliseconds of `at`, then bits of a hash of what identifies it.
 */
const entryId = (at: string, key: string) => sql`(
  lpad(to_hex((extract(epoch from ${sql.raw(at)}) * 1000)::bigint), 12, '0')
  || '7' || substr(md5(${sql.raw(key)}), 1, 3)
  || '8' || substr(md5(${sql.raw(key)}), 4, 3)
  || substr(md5(${sql.raw(key)}), 7, 12))::uuid`;

/**
 * What went wrong with the customer's shipments, from their tracking events (not row-audited, decision 0007):
 * rolled, ETA changed (with the new ETA), customs hold, damaged, lost — and the delays the owner was told of (the
 * ETA slipping past the threshold, once per shipment; a departure or arrival missed, `missed_departure` /
 * `missed_arrival` with the planned time in `promisedEta`). Only shipments the caller may read, by the same scope as
 * the shipment's page; no money.
 */
export const shipmentExceptionTimeline: OwnTimelineContributor = {
  from: 'own',
  kind: 'shipment_exception',
  entries: async (ctx, customerId, page) => {
    if (!can(ctx, 'shipments', 'read')) return [];
    const visible = shipmentsInScope(ctx, 'read');
    const reference = shipmentReferenceSql('shipments');
    const rows = await queryRows<{
      id: string;
      at: Date | string;
      type: string;
      shipment_id: string;
      reference: string;
      location: string | null;
      event_eta: string | null;
      delay_eta: Date | string | null;
      promised_eta: Date | string | null;
    }>(
      ctx.db,
      sql`select * from (
            select ${entryId('e.occurred_at', "e.source || ':' || e.event_id")} as id, e.occurred_at as at, e.type,
                   shipments.id::text as shipment_id,
                   ${reference} as reference,
                   e.location, e.data->>'eta' as event_eta, null::timestamptz as delay_eta,
                   null::timestamptz as promised_eta
              from shipments
              join shipment_events e on e.org_id = shipments.org_id and e.shipment_id = shipments.id
             where ${visible} and shipments.customer_id = ${customerId}
               and e.type = any(${arrayParam([...shipmentExceptionTypes])}::text[])
            union all
            select ${entryId('shipments.delay_notified_at', "'delay:' || shipments.id::text")}, shipments.delay_notified_at,
                   'delay', shipments.id::text,
                   ${reference},
                   null, null, shipments.eta, shipments.promised_eta
              from shipments
             where ${visible} and shipments.customer_id = ${customerId} and shipments.delay_notified_at is not null
            union all
            select ${entryId('a.alerted_at', "'missed:' || a.milestone || ':' || a.shipment_id::text")}, a.alerted_at,
                   case a.milestone when 'departed' then 'missed_departure' else 'missed_arrival' end,
                   shipments.id::text,
                   ${reference},
                   null, null, null, a.planned_at
              from shipments
              join shipment_milestone_alerts a on a.org_id = shipments.org_id and a.shipment_id = shipments.id
             where ${visible} and shipments.customer_id = ${customerId}
          ) x
          ${page.before ? sql`where x.id < ${page.before}::uuid` : sql``}
          order by x.id desc
          limit ${page.limit}`,
    );
    return rows.map(
      (row): TimelineEntry => ({
        id: row.id,
        at: new Date(row.at).toISOString(),
        kind: 'shipment_exception',
        action: row.type,
        entity: 'shipments',
        entityId: row.shipment_id,
        actorId: null,
        actorName: null,
        changes: null,
        meta: {
          reference: row.reference,
          location: row.location,
          eta: row.delay_eta ? new Date(row.delay_eta).toISOString() : row.event_eta ? isoOrNull(row.event_eta) : null,
          promisedEta: row.promised_eta ? new Date(row.promised_eta).toISOString() : null,
        },
      }),
    );
  },
};

function isoOrNull(value: string): string | null {
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}
