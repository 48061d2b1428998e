import type { OpportunityLaneInput } from '@berth/domain';
import { and, asc, eq } from 'drizzle-orm';
import { recordChange } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { opportunityLanes } from './tables';

async function laneTexts(ctx: Ctx, opportunityId: string): Promise<string[]> {
  const rows = await ctx.db
    .select()
    .from(opportunityLanes)
    .where(and(eq(opportunityLanes.orgId, ctx.orgId), eq(opportunityLanes.opportunityId, opportunityId)))
    .orderBy(asc(opportunityLanes.position));
  return rows.map((l) => `${l.pol}-${l.pod} ${l.mode}`);
}

/**
 * Replaces an opportunity's lanes (their own table, so lists and reports can filter by POL/POD).
 * On an existing opportunity the change goes on its history as one `lanes` field.
 */
export async function saveOpportunityLanes(
  ctx: Ctx,
  opportunityId: string,
  lanes: OpportunityLaneInput[],
  options: { audit: boolean },
): Promise<void> {
  const before = options.audit ? await laneTexts(ctx, opportunityId) : [];
  await ctx.db
    .delete(opportunityLanes)
    .where(and(eq(opportunityLanes.orgId, ctx.orgId), eq(opportunityLanes.opportunityId, opportunityId)));
  if (lanes.length > 0) {
    await ctx.db.insert(opportunityLanes).values(
      lanes.map((lane, position) => ({
        orgId: ctx.orgId,
        opportunityId,
        position,
        pol: lane.pol,
        pod: lane.pod,
        mode: lane.mode,
      })),
    );
  }
  if (!options.audit) return;
  const after = lanes.map((l) => `${l.pol}-${l.pod} ${l.mode}`);
  if (JSON.stringify(before) !== JSON.stringify(after)) {
    await recordChange(ctx, { entity: 'opportunities', entityId: opportunityId, changes: { lanes: [before, after] } });
  }
}
