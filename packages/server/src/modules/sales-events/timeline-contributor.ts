import { and, eq, sql } from 'drizzle-orm';
import type { AuditTimelineContributor } from '../../platform/module';
import { visibleSalesEvents } from './sales-event-scope';
import { salesEventLeads, salesEvents } from './tables';

/** Leads captured for the customer ("lead captured at event X"), at events the caller sees, as the leads list shows them. */
export const leadTimeline: AuditTimelineContributor = {
  from: 'audit',
  entity: 'sales_event_leads',
  kind: 'event_lead',
  readPermission: 'salesEvents',
  visibleIds: (ctx, customerId) =>
    ctx.db
      .select({ id: sql`${salesEventLeads.id}::text` })
      .from(salesEventLeads)
      .innerJoin(
        salesEvents,
        and(eq(salesEvents.orgId, salesEventLeads.orgId), eq(salesEvents.id, salesEventLeads.eventId)),
      )
      .where(and(visibleSalesEvents(ctx), eq(salesEventLeads.customerId, customerId)))
      .getSQL(),
};
