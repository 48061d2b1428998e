import { addWholeDays, type Clock } from '@berth/domain';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers } from '../src/modules/customers/tables';
import { notifications } from '../src/modules/notifications/tables';
import { ownershipChanges } from '../src/modules/pool/tables';
import { type Session, startTestApp, type TestApp } from './harness';

/** A clock a test moves by hand; the app's requests and job runs read it. */
function movableClock(start: Date) {
  let at = start;
  const clock: Clock & { set(to: Date): void } = {
    now: () => new Date(at.getTime()),
    set: (to) => {
      at = to;
    },
  };
  return clock;
}

/**
 * Time-driven behaviour tested by moving time instead of waiting: the job runner runs the jobs due
 * at a given instant with that instant as their time, and requests read the app's clock.
 */
describe('the clock of requests and jobs', () => {
  const start = new Date('2031-03-03T02:00:00Z');
  const clock = movableClock(start);
  let t: TestApp;
  let admin: Session;
  let rep: Session & { id: string };
  let team: string;
  let orgId: string;

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    admin = await t.setup('时钟货代');
    orgId = admin.me.organization.id;
    team = (await t.request('POST', '/api/teams', { as: admin, body: { name: '时钟销售部' } })).json().id;
    rep = await t.userWithRole(admin, 'sales_rep', { teamId: team, name: '钟一' });
    const rules = (await t.request('GET', '/api/pool/rules', { as: admin })).json();
    const saved = await t.request('PUT', '/api/pool/rules', {
      as: admin,
      body: {
        enabled: true,
        protectionDays: 0,
        noFollowUpDays: 30,
        noDealDays: null,
        warnDaysBefore: 0,
        maxClaimedHeld: null,
        maxClaimsPerDay: null,
      },
      headers: { 'if-match': `"${rules.default.version}"` },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    await t.server.deps.jobs.scheduleRecurring();
  });
  afterAll(() => t.close());

  const customerRow = async (id: string) =>
    (
      await t.db
        .select()
        .from(customers)
        .where(and(eq(customers.orgId, orgId), eq(customers.id, id)))
    )[0];
  // Runs move forward only: a recurring job's next run is timed from the instant it last ran as of.
  const runAllDue = async (asOf: Date) => {
    while ((await t.server.deps.jobs.runDue(asOf)) > 0) {}
  };

  it('stamps an assignment with the request clock and reports the return date from it', async () => {
    const id = (
      await t.request('POST', '/api/customers', {
        as: admin,
        body: { name: '时钟测试一号', ownerId: null, teamId: team },
      })
    ).json().id as string;
    clock.set(addWholeDays(start, 1));
    const assigned = await t.request('POST', `/api/customers/${id}/assign`, { as: admin, body: { ownerId: rep.id } });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect((await customerRow(id))?.ownerSince?.toISOString()).toBe(addWholeDays(start, 1).toISOString());
    const ownership = (await t.request('GET', `/api/customers/${id}/ownership`, { as: admin })).json();
    expect(ownership.returnsAt).toBe(addWholeDays(start, 31).toISOString());
  });

  it('reminds of a task when the reminders run as of its due time, once', async () => {
    clock.set(start);
    const dueAt = addWholeDays(start, 2);
    const created = await t.request('POST', '/api/tasks', {
      as: rep,
      body: { title: '时钟提醒：确认舱位', dueAt: dueAt.toISOString() },
    });
    expect(created.statusCode, created.body).toBe(201);
    const reminders = async () =>
      t.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, rep.id), eq(notifications.kind, 'task.due')));

    await runAllDue(new Date(dueAt.getTime() - 60_000));
    expect(await reminders()).toEqual([]);
    await runAllDue(new Date(dueAt.getTime() + 60_000));
    await runAllDue(new Date(dueAt.getTime() + 3_600_000));
    expect((await reminders()).map((n) => n.params)).toEqual([expect.objectContaining({ task: '时钟提醒：确认舱位' })]);
  });

  it('returns an idle customer to the pool when the sweep runs as of a later instant', async () => {
    clock.set(start);
    const id = (
      await t.request('POST', '/api/customers', {
        as: admin,
        body: { name: '时钟测试二号', ownerId: null, teamId: team },
      })
    ).json().id as string;
    expect(
      (await t.request('POST', `/api/customers/${id}/assign`, { as: admin, body: { ownerId: rep.id } })).statusCode,
    ).toBe(200);

    await runAllDue(addWholeDays(start, 29));
    expect((await customerRow(id))?.ownerId).toBe(rep.id);

    const asOf = addWholeDays(start, 30.5);
    await runAllDue(asOf);
    const returned = await customerRow(id);
    expect(returned).toMatchObject({ ownerId: null, teamId: team });
    expect(returned?.pooledAt?.toISOString()).toBe(asOf.toISOString());
    const log = await t.db
      .select()
      .from(ownershipChanges)
      .where(and(eq(ownershipChanges.customerId, id), eq(ownershipChanges.kind, 'auto_return')));
    expect(log.map((l) => l.details)).toEqual([{ rule: 'no_follow_up', days: 30 }]);
    const told = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, rep.id), eq(notifications.kind, 'pool.returned')));
    expect(told.map((n) => n.params)).toEqual([expect.objectContaining({ customer: '时钟测试二号' })]);
  });
});
