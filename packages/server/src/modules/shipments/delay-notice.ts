import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/database';
import type { Ctx } from '../../platform/context';
import type { DomainEvents } from '../../platform/events';
import { notify } from '../notifications/notify';

/** Tells the customer's owner that a shipment's ETA slipped (in-app and by email, in the owner's language). */
export async function notifyOwnerOfDelay(ctx: Ctx, event: DomainEvents['shipment.delayed']): Promise<void> {
  const [row] = await queryRows<{ owner_id: string | null; customer_name: string | null; reference: string }>(
    ctx.db,
    sql`select c.owner_id::text, c.name as customer_name,
               coalesce(s.master_bl, s.house_bl, s.booking_number, s.external_id) as reference
          from shipments s left join customers c on c.org_id = s.org_id and c.id = s.customer_id
         where s.org_id = ${ctx.orgId} and s.id = ${event.shipmentId}`,
  );
  if (!row?.owner_id) return;
  await notify(
    ctx,
    [
      {
        userId: row.owner_id,
        kind: 'shipment.delayed',
        params: {
          reference: row.reference,
          customer: row.customer_name,
          eta: event.eta,
          promisedEta: event.promisedEta,
          hours: event.slipHours,
        },
        subject: { type: 'shipment', id: event.shipmentId },
      },
    ],
    { email: true },
  );
}
