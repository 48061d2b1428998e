import { and, inArray } from 'drizzle-orm';
import type { AuditNamer } from '../../platform/module';
import { visibleSalesEvents } from './sales-event-scope';
import { salesEvents } from './tables';

/** Sales events by name, as the events list shows them to the caller. */
export const salesEventAuditNames: AuditNamer = {
  entity: 'sales_events',
  resource: 'salesEvents',
  names: (ctx, ids) =>
    ctx.db
      .select({ id: salesEvents.id, name: salesEvents.name })
      .from(salesEvents)
      .where(and(visibleSalesEvents(ctx), inArray(salesEvents.id, ids))),
};
