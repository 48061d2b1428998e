import { and, eq, sql } from 'drizzle-orm';
import type { EventSubscriber } from '../../platform/events';
import { customers } from './tables';

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
];
