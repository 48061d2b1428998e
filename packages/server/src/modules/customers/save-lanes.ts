import type { Lane } from '@berth/domain';
import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import { customerLanes } from './tables';

/** Replaces a customer's lanes; they live in their own table so lists can filter by POL/POD. */
export async function saveLanes(ctx: Ctx, customerId: string, lanes: Lane[]): Promise<void> {
  await ctx.db
    .delete(customerLanes)
    .where(and(eq(customerLanes.orgId, ctx.orgId), eq(customerLanes.customerId, customerId)));
  if (lanes.length > 0) await ctx.db.insert(customerLanes).values(laneRows(ctx.orgId, customerId, lanes));
}

export function laneRows(orgId: string, customerId: string, lanes: Lane[]) {
  return lanes.map((lane, position) => ({
    orgId,
    customerId,
    position,
    pol: lane.pol,
    pod: lane.pod,
    mode: lane.mode,
    volume: lane.volume ?? null,
    volumeUnit: lane.volumeUnit ?? null,
  }));
}

/** A customer's lanes as `POL-POD MODE [volume unit]` strings, for its history. */
export async function lanesOf(ctx: Ctx, customerId: string): Promise<string[]> {
  const rows = await ctx.db
    .select()
    .from(customerLanes)
    .where(and(eq(customerLanes.orgId, ctx.orgId), eq(customerLanes.customerId, customerId)))
    .orderBy(asc(customerLanes.position));
  return rows.map(
    (l) => `${l.pol}-${l.pod} ${l.mode}${l.volume ? ` ${l.volume} ${l.volumeUnit ?? ''}`.trimEnd() : ''}`,
  );
}
