import { and, eq, inArray, sql } from 'drizzle-orm';
import type { EventSubscriber } from '../../platform/events';
import { customerShipmentRollups, customers } from './tables';

/**
 * A prospect whose opportunity is won becomes an active customer (001 客户开发: conversion when the
 * first opportunity is won). A customer that is already active or inactive keeps its status.
 */
export const customerSubscribers: readonly EventSubscriber[] = [
  {
    event: 'opportunity.won',
    name: 'customers.activate-prospect-on-won-opportunity',
    mode: 'sync',
    handle: async (ctx, event) => {
      await ctx.db
        .update(customers)
        .set({ status: 'active', version: sql`${customers.version} + 1`, updatedAt: sql`now()` })
        .where(
          and(eq(customers.orgId, ctx.orgId), eq(customers.id, event.customerId), eq(customers.status, 'prospect')),
        );
    },
  },
  {
    // Stored beside the record: no version bump, no audit entry. A customer with no shipment left loses its row.
    event: 'shipment.customer_rollups',
    name: 'customers.keep-shipment-rollups',
    mode: 'sync',
    handle: async (ctx, event) => {
      const kept = event.rollups.filter((r) => r.firstShipmentAt !== null);
      const gone = event.rollups.filter((r) => r.firstShipmentAt === null).map((r) => r.customerId);
      if (gone.length > 0) {
        await ctx.db
          .delete(customerShipmentRollups)
          .where(and(eq(customerShipmentRollups.orgId, ctx.orgId), inArray(customerShipmentRollups.customerId, gone)));
      }
      if (kept.length === 0) return;
      // Customers merged away or deleted meanwhile have no record to keep them beside.
      const live = await ctx.db
        .select({ id: customers.id })
        .from(customers)
        .where(
          and(
            eq(customers.orgId, ctx.orgId),
            inArray(
              customers.id,
              kept.map((r) => r.customerId),
            ),
          ),
        );
      const liveIds = new Set(live.map((row) => row.id));
      const rows = kept
        .filter((r) => liveIds.has(r.customerId))
        .map((r) => ({
          orgId: ctx.orgId,
          customerId: r.customerId,
          firstShipmentAt: r.firstShipmentAt ? new Date(r.firstShipmentAt) : null,
          lastShipmentAt: r.lastShipmentAt ? new Date(r.lastShipmentAt) : null,
          shipments12m: r.shipments12m,
          teu12m: r.teu12m,
          revenue12mAmount: r.revenue12m.amount,
          revenue12mCurrency: r.revenue12m.currency,
          revenueComplete: r.revenueComplete,
          computedAt: ctx.clock.now(),
        }));
      if (rows.length === 0) return;
      await ctx.db
        .insert(customerShipmentRollups)
        .values(rows)
        .onConflictDoUpdate({
          target: [customerShipmentRollups.orgId, customerShipmentRollups.customerId],
          set: {
            firstShipmentAt: sql`excluded.first_shipment_at`,
            lastShipmentAt: sql`excluded.last_shipment_at`,
            shipments12m: sql`excluded.shipments_12m`,
            teu12m: sql`excluded.teu_12m`,
            revenue12mAmount: sql`excluded.revenue_12m_amount`,
            revenue12mCurrency: sql`excluded.revenue_12m_currency`,
            revenueComplete: sql`excluded.revenue_complete`,
            computedAt: sql`excluded.computed_at`,
          },
        });
    },
  },
];
