import type { Clock } from '@berth/domain';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/database';
import { inTransaction, systemCtx } from '../../platform/context';
import { emit } from '../../platform/events';
import { orgSettings } from '../org-settings';
import { shipmentReferenceSql } from './shipment-reference-sql';
import { milestoneArray } from './tracking';

export const missedMilestonesJob = 'shipments.missed-milestones';
export const missedMilestonesEveryMs = 15 * 60_000;

/** A miss older than this is not announced any more: it is stale data (a feed that never reported), not news. */
const freshForDays = 14;
/** The ETD window the arrivals are looked for in (an ETA is rarely more than this after its ETD). */
const transitDays = 90;

interface Missed {
  id: string;
  customer_id: string | null;
  owner_id: string | null;
  customer_name: string | null;
  reference: string;
  milestone: 'departed' | 'arrived';
  planned_at: string | Date;
}

/**
 * Tells each customer's owner once that a shipment missed a milestone: not departed by its ETD, or not arrived by
 * its ETA, each plus the organisation's delay threshold (`shipmentDelayHours`, the same grace as an ETA slip), with no
 * actual time and no later milestone reached. A lost shipment is an exception already and is left out. The misses are
 * recorded in `shipment_milestone_alerts` (once per shipment and milestone, whatever the planned time does later);
 * shipments are found through their ETD (`shipments_org_etd_idx`), so a run reads only recent departures.
 */
export async function runMissedMilestones(db: Db, clock: Clock): Promise<number> {
  const orgs = await queryRows<{ id: string }>(db, sql`select id::text from organizations`);
  const at = clock.now().toISOString();
  let told = 0;
  for (const { id: orgId } of orgs) {
    await inTransaction(systemCtx(db, orgId, { clock }), async (ctx) => {
      const { shipmentDelayHours } = await orgSettings(ctx);
      const due = sql`${at}::timestamptz - ${shipmentDelayHours}::int * interval '1 hour'`;
      const rows = await queryRows<Missed>(
        ctx.db,
        sql`with missed as (
              select s.id, s.customer_id, c.owner_id, c.name as customer_name,
                     ${shipmentReferenceSql('s')} as reference,
                     m.milestone, m.planned_at
                from shipments s
                left join customers c on c.org_id = s.org_id and c.id = s.customer_id
               cross join lateral (values
                       ('departed', s.etd, s.atd is null
                          and coalesce(array_position(${milestoneArray}, s.status), 0)
                              < array_position(${milestoneArray}, 'departed')),
                       ('arrived', s.eta, s.ata is null
                          and coalesce(array_position(${milestoneArray}, s.status), 0)
                              < array_position(${milestoneArray}, 'arrived'))
                     ) as m(milestone, planned_at, open)
               where s.org_id = ${orgId}
                 and s.etd >= ${at}::timestamptz - ${transitDays}::int * interval '1 day' and s.etd < ${due}
                 and not s.lost and m.open and m.planned_at < ${due}
                 and m.planned_at >= ${at}::timestamptz - ${freshForDays}::int * interval '1 day'
            ), told as (
              insert into shipment_milestone_alerts (org_id, shipment_id, milestone, planned_at, alerted_at)
              select ${orgId}, id, milestone, planned_at, ${at}::timestamptz from missed
              on conflict do nothing
              returning shipment_id, milestone
            )
            select missed.id::text, missed.customer_id::text, missed.owner_id::text, missed.customer_name,
                   missed.reference, missed.milestone, missed.planned_at
              from missed join told on told.shipment_id = missed.id and told.milestone = missed.milestone
             order by missed.planned_at, missed.id`,
      );
      for (const row of rows) {
        await emit(ctx, 'shipment.milestone_missed', {
          shipmentId: row.id,
          customerId: row.customer_id,
          ownerId: row.owner_id,
          customerName: row.customer_name,
          reference: row.reference,
          milestone: row.milestone,
          plannedAt: new Date(row.planned_at).toISOString(),
        });
      }
      told += rows.length;
    });
  }
  return told;
}
