import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { queryRows, type Tx } from '../../db/database';
import { isTransactionConflict } from '../../platform/app-error';
import { inRetriedTransaction, systemCtx } from '../../platform/context';

/**
 * Two transactions that write shipments of the same report keys (`shipment_report_days`) in opposite orders — two
 * merges, a party link and a feed batch, corrections — must not die of a deadlock (40P01). Only a server has
 * concurrent transactions: the embedded engine runs one at a time.
 */
describe.skipIf(!process.env.DATABASE_URL)('shipments report aggregate under concurrent writers', () => {
  let t: TestApp;
  let orgId: string;
  let x: string;
  let y: string;
  /** Shipment ids in the order they are stored and visited: a1 (customer X), b1 (Y), a2 (Y), b2 (X). */
  const id = (n: number) => `00000000-0000-7000-8000-00000000000${n}`;
  const [a1, b1, a2, b2] = [id(1), id(2), id(3), id(4)];

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.setup('并发汇总货代 Concurrent Aggregate Forwarding');
    orgId = admin.me.organization.id;
    const ids: string[] = [];
    for (const name of ['宁波北仑港务物流有限公司', '青岛海晶化工有限公司']) {
      const res = await t.request('POST', '/api/customers', { as: admin, body: { name, status: 'active' } });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    [x, y] = ids as [string, string];
    for (const [shipment, customer] of [
      [a1, x],
      [b1, y],
      [a2, y],
      [b2, x],
    ] as const) {
      await t.db.execute(sql`insert into shipments (org_id, id, source, external_id, mode, customer_id, pol, pod, etd,
                                                    teu, revenue_amount, revenue_currency)
                             values (${orgId}, ${shipment}, 'tms', ${shipment}, 'fcl', ${customer}, 'CNNGB', 'USLAX',
                                     '2026-05-04T10:00:00+08:00', 2, 1000, 'USD')`);
    }
    // A barrier inside an UPDATE, after the report's work for its first row: each side releases its own advisory
    // lock and waits for the other's, so both have written their first row before either writes its second.
    await t.db.execute(sql`create function test_report_barrier() returns trigger language plpgsql as $$
      declare side text := current_setting('test.barrier_side', true);
      begin
        if coalesce(side, '') = '' then return null; end if;
        perform set_config('test.barrier_side', '', true);
        perform pg_advisory_unlock(case side when 'a' then 1 else 2 end);
        perform pg_advisory_lock(case side when 'a' then 2 else 1 end);
        perform pg_advisory_unlock(case side when 'a' then 2 else 1 end);
        return null;
      end $$`);
    // Row triggers of one row fire in name order: this one after a row trigger named shipments_report_updates.
    await t.db.execute(sql`create trigger shipments_report_updates_zz_barrier after update on shipments
                             for each row execute function test_report_barrier()`);
  });
  afterAll(() => t.close());

  const aggregateIsTheShipments = async () => {
    const stored = await queryRows(
      t.db,
      sql`select customer_id::text, shipments, trim_scale(revenue_amount)::text as revenue
            from shipment_report_days where org_id = ${orgId} order by 1`,
    );
    const computed = await queryRows(
      t.db,
      sql`select customer_id::text, count(*)::int as shipments, trim_scale(sum(revenue_amount))::text as revenue
            from shipments where org_id = ${orgId} group by 1 order by 1`,
    );
    expect(stored).toEqual(computed);
  };

  /** Both sides' work, each in its own transaction on its own connection, started together. */
  const bothAtOnce = async (work: (side: 'a' | 'b', tx: Tx) => Promise<void>) => {
    let ready = 0;
    let go: () => void = () => {};
    const started = new Promise<void>((resolve) => {
      go = resolve;
    });
    const side = (name: 'a' | 'b') =>
      t.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_lock(${name === 'a' ? 1 : 2})`);
        if (++ready === 2) go();
        await started;
        // In a savepoint, so that the session's advisory locks can still be released when the work fails.
        const failure = await tx
          .transaction((sp) => work(name, sp))
          .then(
            () => null,
            (error: unknown) => ({ error }),
          );
        await tx.execute(sql`select pg_advisory_unlock_all()`);
        if (failure) throw failure.error;
      });
    return Promise.allSettled([side('a'), side('b')]);
  };

  it('one statement each over the same keys in opposite orders: both commit', async () => {
    // A merge, a party link or a feed batch: one UPDATE over many shipments. a: a1 (X) then a2 (Y); b: b1 (Y) then
    // b2 (X). Written row by row, a held X's aggregate row and waited for Y's, b the reverse.
    const outcomes = await bothAtOnce(async (side, tx) => {
      await tx.execute(sql`select set_config('test.barrier_side', ${side}, true)`);
      const ids = side === 'a' ? [a1, a2] : [b1, b2];
      await tx.execute(sql`update shipments set revenue_amount = revenue_amount + 1
                            where org_id = ${orgId} and id in (${ids[0]}, ${ids[1]})`);
    });
    const outcome = (o: PromiseSettledResult<void>) =>
      o.status === 'fulfilled' ? 'committed' : isTransactionConflict(o.reason) ? 'deadlock victim' : String(o.reason);
    expect(outcomes.map(outcome)).toEqual(['committed', 'committed']);
    await aggregateIsTheShipments();
  });

  let inserted = 0;
  /**
   * A feed batch inserts its new shipments and then updates the known ones: two statements, each in key order, but
   * not in one order together. The transaction that loses the deadlock runs again.
   */
  const feedLike = async (side: 'a' | 'b', tx: Tx, halfway: Promise<void>, arrived: () => void) => {
    const [insertFor, updated] = side === 'a' ? [y, a1] : [x, b1];
    await tx.execute(sql`insert into shipments (org_id, source, external_id, mode, customer_id, pol, pod, etd, teu,
                                                revenue_amount, revenue_currency)
                         values (${orgId}, 'tms', ${`new-${side}-${++inserted}`}, 'fcl', ${insertFor}, 'CNNGB',
                                 'USLAX', '2026-05-04T10:00:00+08:00', 2, 1000, 'USD')`);
    arrived();
    await halfway;
    await tx.execute(sql`update shipments set revenue_amount = revenue_amount + 1
                          where org_id = ${orgId} and id = ${updated}`);
  };
  const halfwayBarrier = () => {
    let count = 0;
    let open: () => void = () => {};
    const halfway = new Promise<void>((resolve) => {
      open = resolve;
    });
    return { halfway, arrived: () => ++count === 2 && open() };
  };

  it('two statements each (a feed batch): without a retry one side is a deadlock victim', async () => {
    const { halfway, arrived } = halfwayBarrier();
    const outcomes = await Promise.allSettled(
      (['a', 'b'] as const).map((side) => t.db.transaction((tx) => feedLike(side, tx, halfway, arrived))),
    );
    const failed = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
    expect(failed).toHaveLength(1);
    expect(isTransactionConflict(failed[0])).toBe(true);
    await aggregateIsTheShipments();
  });

  it('two statements each (a feed batch): the retried transaction runs again and both commit', async () => {
    const { halfway, arrived } = halfwayBarrier();
    const runs = { a: 0, b: 0 };
    const outcomes = await Promise.allSettled(
      (['a', 'b'] as const).map((side) =>
        inRetriedTransaction(systemCtx(t.db, orgId), (ctx) => {
          runs[side]++;
          return feedLike(side, ctx.db as Tx, halfway, arrived);
        }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(runs.a + runs.b).toBe(3);
    await aggregateIsTheShipments();
  });
});

describe('inRetriedTransaction', () => {
  let t: TestApp;
  let orgId: string;
  beforeAll(async () => {
    t = await startTestApp();
    orgId = (await t.setup('重试货代 Retry Forwarding')).me.organization.id;
  });
  afterAll(() => t.close());

  const victim = () => Object.assign(new Error('deadlock detected'), { code: '40P01' });

  it('runs the work again after a deadlock or serialisation failure, and not after another error', async () => {
    let runs = 0;
    const answer = await inRetriedTransaction(systemCtx(t.db, orgId), async () => {
      runs++;
      if (runs === 1) throw victim();
      return 'done';
    });
    expect({ answer, runs }).toEqual({ answer: 'done', runs: 2 });
    let refusedRuns = 0;
    await expect(
      inRetriedTransaction(systemCtx(t.db, orgId), async () => {
        refusedRuns++;
        throw new Error('not a conflict');
      }),
    ).rejects.toThrow('not a conflict');
    expect(refusedRuns).toBe(1);
  });

  it('inside an open transaction leaves the retry to the outermost caller', async () => {
    let runs = 0;
    await expect(
      t.db.transaction((tx) =>
        inRetriedTransaction(systemCtx(tx, orgId), async () => {
          runs++;
          throw victim();
        }),
      ),
    ).rejects.toThrow('deadlock detected');
    expect(runs).toBe(1);
  });
});
