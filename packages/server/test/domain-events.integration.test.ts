import { systemClock } from '@berth/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/database';
import { inTransaction, systemCtx } from '../src/platform/context';
import { asyncSubscriberJobs, type EventSubscriber, emit, installEventSubscribers } from '../src/platform/events';
import { serverModules } from '../src/server-modules';
import { startTestApp, type TestApp } from './harness';

const moduleSubscribers = serverModules.flatMap((m) => m.subscribers ?? []);

describe('domain events', () => {
  let t: TestApp;
  let orgId: string;
  const seen: string[] = [];
  const testSubscribers: EventSubscriber[] = [
    {
      event: 'opportunity.lost',
      name: 'test.async',
      mode: 'async',
      handle: async (_ctx, event) => {
        seen.push(`later:${event.opportunityId}`);
      },
    },
    {
      event: 'opportunity.lost',
      name: 'test.sync',
      mode: 'sync',
      handle: async (ctx, event) => {
        seen.push(event.opportunityId);
        await ctx.db.execute(sql`select 1`);
        if (event.lostReasonId === 'refuse') throw new Error('the subscriber refuses');
      },
    },
  ];
  const queued = async () =>
    (
      await queryRows<{ n: number }>(
        t.db,
        sql`select count(*)::int as n from jobs where name = 'event.test.async' and org_id = ${orgId}`,
      )
    )[0]?.n;

  beforeAll(async () => {
    t = await startTestApp();
    orgId = (await t.setup()).me.organization.id;
    installEventSubscribers([...moduleSubscribers, ...testSubscribers]);
  });
  afterAll(async () => {
    installEventSubscribers(moduleSubscribers);
    await t?.close();
  });

  const lost = (opportunityId: string, lostReasonId: string | null = null) => ({
    opportunityId,
    customerId: '00000000-0000-7000-8000-000000000001',
    lostReasonId,
    at: new Date().toISOString(),
  });

  it('runs synchronous subscribers in the emitting transaction and queues asynchronous ones with it', async () => {
    await inTransaction(systemCtx(t.db, orgId), (tx) => emit(tx, 'opportunity.lost', lost('first')));
    expect(seen).toEqual(['first']);
    expect(await queued()).toBe(1);

    const job = asyncSubscriberJobs(testSubscribers)[0]!; // test.async, queued before test.sync runs
    const [row] = await queryRows<{ payload: Record<string, unknown> }>(
      t.db,
      sql`select payload from jobs where name = 'event.test.async' and org_id = ${orgId}`,
    );
    await job.run(
      { id: 'x', orgId, name: job.name, payload: row!.payload, attempts: 0, maxAttempts: 5, clock: systemClock },
      t.db,
    );
    expect(seen).toEqual(['first', 'later:first']);
  });

  it('rolls the change back, with the queued reactions, when a synchronous subscriber fails', async () => {
    await expect(
      inTransaction(systemCtx(t.db, orgId), async (tx) => {
        await emit(tx, 'opportunity.lost', lost('second', 'refuse'));
      }),
    ).rejects.toThrow('the subscriber refuses');
    expect(await queued()).toBe(1);
  });

  it('refuses two subscribers of the same name', () => {
    expect(() => installEventSubscribers([...testSubscribers, testSubscribers[1]!])).toThrow(/test.sync/);
  });
});
