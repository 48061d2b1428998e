import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { fullAccessCtx } from '../../platform/context';
import { customerLaneRef, customerRef } from '../customers';
import { createOpportunity } from './create-opportunity';
import { createInquiry } from './inquiries';
import { findLostReasons } from './lost-reasons';
import { opportunities, opportunityStageChanges } from './tables';
import { updateOpportunity } from './update-opportunity';

/** The same small deterministic random source as the demo customers, with its own seed. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return {
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

/** Where each demo opportunity ends up, with the stages it goes through; a few dozen in all. */
const paths: { count: number; stages: string[] }[] = [
  { count: 9, stages: ['inquiry'] },
  { count: 8, stages: ['inquiry', 'proposal'] },
  { count: 6, stages: ['inquiry', 'proposal', 'negotiation'] },
  { count: 9, stages: ['inquiry', 'proposal', 'negotiation', 'won'] },
  { count: 4, stages: ['inquiry', 'proposal', 'lost'] },
  { count: 4, stages: ['inquiry', 'proposal', 'negotiation', 'lost'] },
];
const sources = ['referral', 'inquiry', 'cold_call', 'campaign', 'event'] as const;
const titles = ['月度合约', '年度招标', '旺季舱位', '新品出口', '项目物流', '门到门服务'];
const day = 86_400;

/**
 * A realistic pipeline on the demo customers' real lanes: opportunities in every stage, won and
 * lost ones (with reasons), a stage history with days spent in each stage, and a few inquiries.
 */
export async function loadDemoOpportunities(db: Db, org: { orgId: string; adminId: string }): Promise<void> {
  const random = seeded(20261126);
  const ctx = fullAccessCtx(db, org.orgId, org.adminId);
  const total = paths.reduce((sum, p) => sum + p.count, 0);
  const owned = await db
    .select({ id: customerRef.id, name: customerRef.name, ownerId: customerRef.ownerId, teamId: customerRef.teamId })
    .from(customerRef)
    .where(and(eq(customerRef.orgId, org.orgId), isNotNull(customerRef.ownerId)))
    .orderBy(asc(customerRef.code))
    .limit(total + 5);
  if (owned.length < total + 5) return;
  const lanes = await db
    .select()
    .from(customerLaneRef)
    .where(
      and(
        eq(customerLaneRef.orgId, org.orgId),
        inArray(
          customerLaneRef.customerId,
          owned.map((c) => c.id),
        ),
      ),
    );
  const reasons = (await findLostReasons(ctx, {})).items;

  let index = 0;
  for (const path of paths) {
    for (let n = 0; n < path.count; n++) {
      const customer = owned[index++] as (typeof owned)[number];
      const lane = lanes.find((l) => l.customerId === customer.id) ?? { pol: 'CNSHA', pod: 'USLAX', mode: 'fcl' };
      const revenue = (5 + random.int(60)) * 10_000;
      // Drawn in the order the demo always drew them, so the demo data stays the same.
      const title = `${lane.pol}→${lane.pod} ${random.pick(titles)}`;
      const source = random.pick(sources);
      const volume = { teu: 5 + random.int(80), shipmentsPerMonth: 1 + random.int(12) };
      const margin = Math.round(revenue * (0.08 + random.int(10) / 100));
      const currency = random.pick(['CNY', 'CNY', 'USD']);
      const created = await createOpportunity(ctx, {
        title,
        customerId: customer.id,
        source,
        lanes: [{ pol: lane.pol, pod: lane.pod, mode: lane.mode as 'fcl' }],
        volume,
        expectedRevenue: { amount: `${revenue}.00`, currency },
        expectedMargin: { amount: `${margin}.00`, currency },
        expectedCloseDate: new Date(Date.now() + (7 + random.int(120)) * day * 1000).toISOString().slice(0, 10),
        ownerId: customer.ownerId,
        teamId: customer.teamId,
      });
      let version = created.version;
      for (const stage of path.stages.slice(1)) {
        const moved = await updateOpportunity(ctx, created.id, version, {
          stage,
          ...(stage === 'lost' ? { lostReasonId: random.pick(reasons).id, lostNote: '客户选择了报价更低的同行' } : {}),
        });
        version = moved.version;
      }
      // Days spent in each stage before the next one; open ones entered their stage some days ago.
      const stays = path.stages.slice(1).map(() => 2 + random.int(20));
      const closed = ['won', 'lost'].includes(path.stages.at(-1) as string);
      await backdate(db, org.orgId, created.id, path.stages, stays, closed ? 0 : 1 + random.int(10));
    }
  }

  // A few inquiries: some join an open opportunity of their lane, some open new ones.
  for (const customer of owned.slice(0, 5)) {
    const lane = lanes.find((l) => l.customerId === customer.id) ?? { pol: 'CNNGB', pod: 'DEHAM', mode: 'fcl' };
    await createInquiry(
      { ...ctx, actor: { type: 'system', id: null }, userId: null },
      {
        customerId: customer.id,
        pol: lane.pol,
        pod: random.pick([lane.pod, 'NLRTM', 'SGSIN']),
        mode: lane.mode as 'fcl',
        message: '请报下月运价及船期，约 20 个 40HQ。',
        volume: { teu: 20 },
      },
      { channel: 'web_form' },
    );
  }
}

/**
 * Spreads an opportunity's history over the past: it entered stage i `stays[i-1]` days after stage
 * i-1 and its current stage `sinceDays` ago (0 for closed ones, closed just now). Creation and
 * stage times are bookkeeping columns outside the audit trail.
 */
async function backdate(
  db: Db,
  orgId: string,
  opportunityId: string,
  stages: string[],
  stays: number[],
  sinceDays: number,
) {
  const ago = (i: number) => (sinceDays + stays.slice(i).reduce((sum, d) => sum + d, 0)) * day;
  for (const [i, stage] of stages.entries()) {
    await db
      .update(opportunityStageChanges)
      .set({
        changedAt: sql`now() - make_interval(secs => ${ago(i)})`,
        secondsInStage: i === 0 ? null : (stays[i - 1] as number) * day,
      })
      .where(
        and(
          eq(opportunityStageChanges.orgId, orgId),
          eq(opportunityStageChanges.opportunityId, opportunityId),
          eq(opportunityStageChanges.toStage, stage),
        ),
      );
  }
  await db
    .update(opportunities)
    .set({
      createdAt: sql`now() - make_interval(secs => ${ago(0)})`,
      stageEnteredAt: sql`now() - make_interval(secs => ${sinceDays * day})`,
    })
    .where(and(eq(opportunities.orgId, orgId), eq(opportunities.id, opportunityId)));
}
