import type { NamedRef } from '@berth/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import { salesEvents } from './tables';

/** Whether the organisation has this sales event (for records that name one, e.g. as their source). */
export async function salesEventExists(ctx: Pick<Ctx, 'orgId' | 'db'>, id: string): Promise<boolean> {
  const [row] = await ctx.db
    .select({ id: salesEvents.id })
    .from(salesEvents)
    .where(and(eq(salesEvents.orgId, ctx.orgId), eq(salesEvents.id, id)));
  return !!row;
}

/** The names of these sales events of the organisation. */
export async function salesEventNames(ctx: Pick<Ctx, 'orgId' | 'db'>, ids: string[]): Promise<NamedRef[]> {
  if (ids.length === 0) return [];
  return ctx.db
    .select({ id: salesEvents.id, name: salesEvents.name })
    .from(salesEvents)
    .where(and(eq(salesEvents.orgId, ctx.orgId), inArray(salesEvents.id, ids)));
}
