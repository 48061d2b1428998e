import { randomUUID } from 'node:crypto';
import { poolDueAt } from '@berth/domain';
import { isNull, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { storage } from '../../../test/storage';
import { queryRows } from '../../db/database';
import { teams } from '../../db/schema';
import { dueCustomers } from './pool-sweep';
import { poolRules } from './tables';

const { customers } = storage;
const day = 86_400_000;
const now = Date.UTC(2026, 5, 1);
// Unbiased: spread over the range, so clocks and due dates fall on both sides of daylight-saving changes.
const instant = fc.noBias(fc.integer({ min: now - 400 * day, max: now + 60 * day })).map((ms) => new Date(ms));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const rule = fc.record({
  enabled: fc.boolean(),
  protectionDays: fc.integer({ min: 0, max: 60 }),
  noFollowUpDays: maybe(fc.integer({ min: 1, max: 120 })),
  noDealDays: maybe(fc.integer({ min: 1, max: 400 })),
  warnDaysBefore: fc.integer({ min: 0, max: 10 }),
  maxClaimedHeld: fc.constant(null),
  maxClaimsPerDay: fc.constant(null),
});

/** A customer's clocks, and whether its team has a rule of its own or follows the organisation's. */
const owned = fc.record({
  createdAt: instant,
  ownerSince: maybe(instant),
  protectedUntil: maybe(instant),
  lastFollowUpAt: maybe(instant),
  lastDealAt: maybe(instant),
  poolWarnedAt: fc.constant(null),
  teamRule: maybe(rule),
});

/**
 * The sweep decides in SQL when an owned customer falls due; the customer page and the domain's
 * tests use poolDueAt in TypeScript. For random clocks and rules both must give the same moment
 * and the same reason, whatever time zone the database session is in: a zone with daylight saving
 * must not turn a rule's days into 23- or 25-hour ones in SQL only.
 */
describe('the pool due date', () => {
  let t: TestApp;
  let orgId: string;
  let ownerId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.setup('到期货代');
    orgId = admin.me.organization.id;
    ownerId = admin.me.user.id;
  });
  afterAll(() => t.close());

  beforeAll(async () => {
    const [orgRule] = fc.sample(rule, { numRuns: 1, seed: 42 });
    if (!orgRule) throw new Error('no rule');
    await t.db.insert(poolRules).values({ orgId, teamId: null, ...orgRule });
  });

  it.each(['UTC', 'Europe/Berlin', 'America/New_York'])(
    'is the same in SQL and in TypeScript (session in %s)',
    async (zone) => {
      const [orgRule] = await t.db.select().from(poolRules).where(isNull(poolRules.teamId));
      if (!orgRule) throw new Error('no rule');

      await fc.assert(
        fc.asyncProperty(fc.array(owned, { minLength: 1, maxLength: 20 }), async (cases) => {
          const rows = [];
          for (const c of cases) {
            const [team] = await t.db
              .insert(teams)
              .values({ orgId, name: `team-${randomUUID()}` })
              .returning({ id: teams.id });
            const teamId = team?.id as string;
            if (c.teamRule) await t.db.insert(poolRules).values({ orgId, teamId, ...c.teamRule });
            const name = `due-${randomUUID()}`;
            const { teamRule: _, poolWarnedAt: __, ...clocks } = c;
            rows.push({
              orgId,
              code: name,
              name,
              nameKey: name,
              searchText: name,
              tradeProfile: {} as never,
              billing: {} as never,
              ownerId,
              teamId,
              ...clocks,
            });
          }
          const inserted = await t.db.insert(customers).values(rows).returning({ id: customers.id });
          const ids = inserted.map((r) => r.id);
          const due = await t.db.transaction(async (tx) => {
            await tx.execute(sql`select set_config('TimeZone', ${zone}, true)`);
            return queryRows<{ id: string; due_at: Date | string; rule: string }>(
              tx,
              dueCustomers(
                orgId,
                sql`c.id in (${sql.join(
                  ids.map((id) => sql`${id}::uuid`),
                  sql`, `,
                )})`,
              ),
            );
          });
          const byId = new Map(due.map((d) => [d.id, d]));
          cases.forEach((c, i) => {
            const expected = poolDueAt(c, c.teamRule ?? orgRule);
            const got = byId.get(ids[i] as string);
            const actual = got ? { at: new Date(got.due_at), rule: got.rule } : null;
            expect(actual, JSON.stringify(c)).toEqual(expected);
          });
        }),
        { numRuns: 5, seed: 20261206 },
      );
    },
  );
});
