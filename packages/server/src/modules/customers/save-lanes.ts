import type { Lane } from '@berth/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { insertRecordset } from '../../db/insert-recordset';
import { recordChanges } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { customerLanes } from './tables';

export interface CustomerLanes {
  customerId: string;
  lanes: Lane[];
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
    volumePeriod: lane.volume !== null && lane.volume !== undefined ? (lane.volumePeriod ?? null) : null,
  }));
}

/** Adds the lanes of new customers, in one insert. */
export async function insertLanes(ctx: Ctx, entries: CustomerLanes[]): Promise<void> {
  const rows = entries.flatMap((e) => laneRows(ctx.orgId, e.customerId, e.lanes));
  await insertRecordset(ctx.db, customerLanes, rows);
}

/** A lane as its history shows it: `POL-POD MODE [volume unit[/period]]`. */
export const laneText = (l: {
  pol: string;
  pod: string;
  mode: string;
  volume?: number | null;
  volumeUnit?: string | null;
  volumePeriod?: string | null;
}): string =>
  `${l.pol}-${l.pod} ${l.mode}${l.volume ? ` ${l.volume} ${l.volumeUnit ?? ''}`.trimEnd() : ''}${l.volume && l.volumePeriod ? `/${l.volumePeriod}` : ''}`;

/** The customers' lanes as history texts, in one query; a customer without lanes has none in the map. */
async function laneTextsOf(ctx: Ctx, customerIds: string[]): Promise<Map<string, string[]>> {
  const rows = await ctx.db
    .select()
    .from(customerLanes)
    .where(and(eq(customerLanes.orgId, ctx.orgId), inArray(customerLanes.customerId, customerIds)))
    .orderBy(asc(customerLanes.customerId), asc(customerLanes.position));
  const texts = new Map<string, string[]>();
  for (const l of rows) texts.set(l.customerId, [...(texts.get(l.customerId) ?? []), laneText(l)]);
  return texts;
}

/**
 * Replaces the lanes of existing customers — they live in their own table so lists can filter by
 * POL/POD — with one delete and one insert, and puts each customer whose lanes changed on its
 * history (the audit trigger does not see the parent of these rows). The update use case and the
 * importer's "update matched" both replace lanes with it.
 */
export async function replaceLanes(ctx: Ctx, entries: CustomerLanes[]): Promise<void> {
  if (entries.length === 0) return;
  const ids = entries.map((e) => e.customerId);
  const before = await laneTextsOf(ctx, ids);
  await ctx.db
    .delete(customerLanes)
    .where(and(eq(customerLanes.orgId, ctx.orgId), inArray(customerLanes.customerId, ids)));
  await insertLanes(ctx, entries);
  const after = await laneTextsOf(ctx, ids);
  await recordChanges(
    ctx,
    ids.flatMap((id) => {
      const [was, is] = [before.get(id) ?? [], after.get(id) ?? []];
      return JSON.stringify(was) === JSON.stringify(is)
        ? []
        : [{ entity: 'customers', entityId: id, changes: { lanes: [was, is] as [unknown, unknown] } }];
    }),
  );
}
