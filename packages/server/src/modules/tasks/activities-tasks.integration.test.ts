import { dueNextStep, fixedClock, zonedDayStart } from '@berth/domain';
import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganisation, type Factories } from '../../../test/factories';
import { restartableStore, restartTestTimeout, type Session, startTestApp, type TestApp } from '../../../test/harness';
import { notificationsOf, storage } from '../../../test/storage';
import { jobs, outbox } from '../../db/schema';
import { systemCtx } from '../../platform/context';
import { enqueueJob } from '../../platform/jobs/job-runner';
import { myDay } from './my-day';
import { nextStepsJob, runNextStepRules } from './run-next-step-rules';
import { tasks } from './tables';
import { runTaskReminders } from './task-reminders';

const { customers, opportunities } = storage;
const day = 86_400_000;
type Rep = Session & { id: string };
type Db = TestApp['db'];

let codeSeq = 0;
/** An opportunity straight in the table, so these tests control when it entered its stage. */
async function insertOpportunity(
  db: Db,
  orgId: string,
  fields: { customerId: string; ownerId: string | null; teamId?: string | null; stage: string; enteredAt: Date },
) {
  codeSeq += 1;
  const [row] = await db
    .insert(opportunities)
    .values({
      orgId,
      code: `T${String(codeSeq).padStart(6, '0')}`,
      title: `测试商机 ${codeSeq}`,
      customerId: fields.customerId,
      ownerId: fields.ownerId,
      teamId: fields.teamId ?? null,
      probability: 10,
      source: 'inquiry',
      stageKey: fields.stage,
      stageEnteredAt: fields.enteredAt,
      status: 'open',
    })
    .returning({ id: opportunities.id, title: opportunities.title });
  return row as { id: string; title: string };
}

const tasksOf = (db: Db, opportunityId: string) =>
  db
    .select()
    .from(tasks)
    .where(and(eq(tasks.relatedType, 'opportunity'), eq(tasks.relatedId, opportunityId)));

describe('activities, tasks, next-step rules and the calendar feed', () => {
  let t: TestApp;
  let admin: Session;
  let make: Factories;
  let orgId: string;
  let east: string;
  let west: string;
  let manager: Rep;
  let rep1: Rep;
  let rep2: Rep;
  let westRep: Rep;
  let c1: string;
  let c2: string;
  let cWest: string;
  let contact1: string;
  let contactOther: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin, make } = await anOrganisation(t, { name: '跟进货代' }));
    orgId = admin.me.organization.id;
    east = (await make.team({ name: '华东销售部' })).id;
    west = (await make.team({ name: '华南销售部' })).id;
    manager = await make.user('sales_manager', { teamId: east, name: '王经理' });
    rep1 = await make.user('sales_rep', { teamId: east, name: '李一' });
    rep2 = await make.user('sales_rep', { teamId: east, name: '张二' });
    westRep = await make.user('sales_rep', { teamId: west, name: '陈西' });
    c1 = (await make.customer({ name: '上海远航国际物流有限公司', ownerId: rep1.id, teamId: east })).id;
    c2 = (await make.customer({ name: '宁波港通货运代理有限公司', ownerId: rep2.id, teamId: east })).id;
    cWest = (await make.customer({ name: '深圳南山供应链有限公司', ownerId: westRep.id, teamId: west })).id;
    contact1 = (await make.contact({ customerId: c1, name: '赵采购' })).id;
    contactOther = (await make.contact({ customerId: c2, name: '钱经理' })).id;
  });
  afterAll(() => t.close());

  const logCall = (as: Session, body: Record<string, unknown>) =>
    t.request('POST', '/api/activities', {
      as,
      body: { kind: 'call', subject: '电话沟通报价', occurredAt: new Date().toISOString(), ...body },
    });

  describe('activities', () => {
    it('logs, reads, lists, corrects and deletes an activity with its version', async () => {
      const created = await logCall(rep1, {
        customerId: c1,
        kind: 'meeting',
        subject: '季度业务回顾',
        durationMinutes: 45,
        minutes: '客户计划下月增加 20 TEU',
        outcome: '同意报价',
        participants: { userIds: [manager.id], contactIds: [contact1] },
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.headers.etag).toBe('"1"');
      const activity = created.json();
      expect(activity).toMatchObject({
        kind: 'meeting',
        customerId: c1,
        customerName: '上海远航国际物流有限公司',
        ownerId: rep1.id,
        ownerName: '李一',
        durationMinutes: 45,
        canUpdate: true,
        canDelete: true,
        participants: { users: [{ id: manager.id, name: '王经理' }], contacts: [{ id: contact1, name: '赵采购' }] },
      });

      const read = await t.request('GET', `/api/activities/${activity.id}`, { as: rep1 });
      expect(read.statusCode).toBe(200);
      expect(read.headers.etag).toBe('"1"');

      const patched = await t.request('PATCH', `/api/activities/${activity.id}`, {
        as: rep1,
        body: { outcome: '已签约', participants: { userIds: [], contactIds: [contact1] } },
        headers: { 'if-match': '"1"' },
      });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json()).toMatchObject({ version: 2, outcome: '已签约', participants: { users: [] } });
      const stale = await t.request('PATCH', `/api/activities/${activity.id}`, {
        as: rep1,
        body: { outcome: '旧版本的修改' },
        headers: { 'if-match': '"1"' },
      });
      expect(stale.statusCode).toBe(412);
      expect(stale.json().code).toBe('conflict.version');

      expect(
        (await t.request('DELETE', `/api/activities/${activity.id}`, { as: rep1, headers: { 'if-match': '"1"' } }))
          .statusCode,
      ).toBe(412);
      expect(
        (await t.request('DELETE', `/api/activities/${activity.id}`, { as: rep1, headers: { 'if-match': '"2"' } }))
          .statusCode,
      ).toBe(204);
      expect((await t.request('GET', `/api/activities/${activity.id}`, { as: rep1 })).statusCode).toBe(404);
      const timeline = (await t.request('GET', `/api/customers/${c1}/timeline`, { as: rep1 })).json().items;
      const entries = timeline.filter((e: { entityId: string }) => e.entityId === activity.id);
      expect(entries.map((e: { kind: string; action: string }) => [e.kind, e.action])).toEqual([
        ['activity', 'delete'],
        ['activity', 'update'],
        ['activity', 'create'],
      ]);
    });

    it('lists with filters and keyset pages, newest first', async () => {
      const base = Date.now() - 10 * day;
      const ids: string[] = [];
      for (const [i, kind] of (['call', 'email', 'visit', 'call'] as const).entries()) {
        const activity = await make.as(rep1).activity({
          customerId: c1,
          kind,
          subject: `筛选测试 ${i}`,
          occurredAt: new Date(base + i * 3_600_000).toISOString(),
        });
        ids.push(activity.id);
      }
      const range = `from=${new Date(base).toISOString()}&to=${new Date(base + 4 * 3_600_000).toISOString()}`;
      const all = (await t.request('GET', `/api/activities?customerId=${c1}&${range}`, { as: rep1 })).json();
      expect(all.items.map((a: { id: string }) => a.id)).toEqual([...ids].reverse());
      const calls = (await t.request('GET', `/api/activities?kind=call&${range}`, { as: rep1 })).json();
      expect(calls.items.map((a: { id: string }) => a.id)).toEqual([ids[3], ids[0]]);
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { id: string }[]; nextCursor: string | null } = (
          await t.request(
            'GET',
            `/api/activities?ownerId=${rep1.id}&${range}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
            {
              as: rep1,
            },
          )
        ).json();
        paged.push(...page.items.map((a: { id: string }) => a.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(paged).toEqual([...ids].reverse());
      expect((await t.request('GET', '/api/activities?cursor=bm9wZQ', { as: rep1 })).statusCode).toBe(422);
      // Moments PostgreSQL cannot store are refused, not sent to the database.
      expect((await t.request('GET', '/api/activities?from=0000-01-01T00:00:00Z', { as: rep1 })).statusCode).toBe(400);
    });

    it('keeps activities within data scope', async () => {
      // A rep logs only on customers they own; others' customers are not found.
      expect((await logCall(rep1, { customerId: c2 })).statusCode).toBe(404);
      const mine = (await logCall(rep2, { customerId: c2, subject: '张二的电话' })).json();
      expect((await t.request('GET', `/api/activities/${mine.id}`, { as: rep1 })).statusCode).toBe(404);
      expect((await t.request('GET', `/api/activities/${mine.id}`, { as: westRep })).statusCode).toBe(404);
      // The team's manager sees it but may change only what they logged themselves.
      const seen = await t.request('GET', `/api/activities/${mine.id}`, { as: manager });
      expect(seen.statusCode).toBe(200);
      expect(seen.json()).toMatchObject({ canUpdate: false, canDelete: false });
      expect(
        (
          await t.request('PATCH', `/api/activities/${mine.id}`, {
            headers: { 'if-match': '*' },
            as: manager,
            body: { subject: '改' },
          })
        ).statusCode,
      ).toBe(403);
      const list = (await t.request('GET', `/api/activities?customerId=${c2}`, { as: rep1 })).json();
      expect(list.items).toEqual([]);
      // The manager logs a visit on rep1's customer: rep1 sees it (their customer) but cannot change it.
      const visit = (await logCall(manager, { customerId: c1, kind: 'visit', subject: '经理陪同拜访' })).json();
      const asRep = (await t.request('GET', `/api/activities/${visit.id}`, { as: rep1 })).json();
      expect(asRep).toMatchObject({ id: visit.id, canUpdate: false });
      expect(
        (await t.request('DELETE', `/api/activities/${visit.id}`, { as: rep1, headers: { 'if-match': '"1"' } }))
          .statusCode,
      ).toBe(403);
      expect((await t.request('GET', `/api/activities/${visit.id}`, { as: westRep })).statusCode).toBe(404);
      const westCall = await logCall(westRep, { customerId: cWest, subject: '华南的电话' });
      expect(westCall.statusCode).toBe(201);
      expect((await t.request('GET', `/api/activities/${westCall.json().id}`, { as: manager })).statusCode).toBe(404);
      expect((await t.request('GET', `/api/activities/${westCall.json().id}`, { as: admin })).statusCode).toBe(200);
    });

    it('accepts as participants only active colleagues and contacts of the customer', async () => {
      const foreign = await logCall(rep1, { customerId: c1, participants: { contactIds: [contact1, contactOther] } });
      expect(foreign.statusCode).toBe(422);
      expect(foreign.json().errors[0]).toMatchObject({
        field: 'participants.contactIds.1',
        code: 'activity.contact_not_of_customer',
      });
      const leaver = await make.user('sales_rep', { teamId: east, name: '已离职' });
      expect(
        (
          await t.request('PATCH', `/api/users/${leaver.id}`, {
            headers: { 'if-match': '*' },
            as: admin,
            body: { status: 'disabled' },
          })
        ).statusCode,
      ).toBe(200);
      const disabled = await logCall(rep1, { customerId: c1, participants: { userIds: [rep2.id, leaver.id] } });
      expect(disabled.statusCode).toBe(422);
      expect(disabled.json().errors[0]).toMatchObject({
        field: 'participants.userIds.1',
        code: 'activity.participant_not_allowed',
      });
      const unknown = await logCall(rep1, {
        customerId: c1,
        participants: { userIds: ['00000000-0000-7000-8000-000000000000'] },
      });
      expect(unknown.statusCode).toBe(422);
      const bad = await logCall(rep1, { customerId: c1, kind: 'fax', durationMinutes: -5 });
      expect(bad.statusCode).toBe(422);
      expect(
        bad
          .json()
          .errors.map((e: { field: string }) => e.field)
          .sort(),
      ).toEqual(['durationMinutes', 'kind']);
    });

    it('records a follow-up on the customer and activity on the opportunity of the same customer', async () => {
      const entered = new Date(Date.now() - 20 * day);
      const opportunity = await insertOpportunity(t.db, orgId, {
        customerId: c1,
        ownerId: rep1.id,
        teamId: east,
        stage: 'inquiry',
        enteredAt: entered,
      });
      const before = (await t.request('GET', `/api/customers/${c1}/ownership`, { as: rep1 })).json();
      const customerVersion = (await t.request('GET', `/api/customers/${c1}`, { as: rep1 })).json().version;
      const at = new Date(Date.now() - 2 * day);
      const res = await logCall(rep1, { customerId: c1, opportunityId: opportunity.id, occurredAt: at.toISOString() });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ opportunityId: opportunity.id, opportunityTitle: opportunity.title });
      const after = (await t.request('GET', `/api/customers/${c1}/ownership`, { as: rep1 })).json();
      expect(new Date(after.lastFollowUpAt).getTime()).toBeGreaterThanOrEqual(
        Math.max(at.getTime(), before.lastFollowUpAt ? new Date(before.lastFollowUpAt).getTime() : 0),
      );
      // Bookkeeping, not an edit: open forms on the customer do not go stale.
      expect((await t.request('GET', `/api/customers/${c1}`, { as: rep1 })).json().version).toBe(customerVersion);
      const [row] = await t.db.select().from(opportunities).where(eq(opportunities.id, opportunity.id));
      expect(row?.lastActivityAt?.toISOString()).toBe(at.toISOString());
      // A meeting planned for next week counts from now, not from the future.
      const planned = new Date(Date.now() + 7 * day);
      await logCall(rep1, { customerId: c1, opportunityId: opportunity.id, occurredAt: planned.toISOString() });
      const [later] = await t.db.select().from(opportunities).where(eq(opportunities.id, opportunity.id));
      expect(later?.lastActivityAt?.getTime()).toBeLessThan(planned.getTime() - day);
      const [customer] = await t.db.select().from(customers).where(eq(customers.id, c1));
      expect(customer?.lastFollowUpAt?.getTime()).toBeLessThan(planned.getTime() - day);

      const elsewhere = await insertOpportunity(t.db, orgId, {
        customerId: c2,
        ownerId: rep1.id,
        teamId: east,
        stage: 'inquiry',
        enteredAt: entered,
      });
      const mismatch = await logCall(rep1, { customerId: c1, opportunityId: elsewhere.id });
      expect(mismatch.statusCode).toBe(422);
      expect(mismatch.json().errors[0]).toMatchObject({
        field: 'opportunityId',
        code: 'activity.opportunity_other_customer',
      });
      const othersDeal = await insertOpportunity(t.db, orgId, {
        customerId: c1,
        ownerId: rep2.id,
        teamId: east,
        stage: 'inquiry',
        enteredAt: entered,
      });
      expect((await logCall(rep1, { customerId: c1, opportunityId: othersDeal.id })).statusCode).toBe(404);
    });
  });

  describe('tasks', () => {
    const createTask = (as: Session, body: Record<string, unknown>) =>
      t.request('POST', '/api/tasks', { as, body: { title: '回访客户', ...body } });

    it('creates, completes and reopens a task with If-Match', async () => {
      const due = new Date(Date.now() + 3 * day).toISOString();
      const created = await createTask(rep1, {
        title: '发送新报价',
        dueAt: due,
        priority: 'high',
        related: { type: 'customer', id: c1 },
      });
      expect(created.statusCode, created.body).toBe(201);
      const task = created.json();
      expect(task).toMatchObject({
        assigneeId: rep1.id,
        assigneeName: '李一',
        priority: 'high',
        status: 'open',
        dueAt: due,
        customerId: c1,
        related: { type: 'customer', id: c1, name: '上海远航国际物流有限公司' },
        source: 'manual',
        createdBy: rep1.id,
        version: 1,
      });
      const done = await t.request('PATCH', `/api/tasks/${task.id}`, {
        as: rep1,
        body: { status: 'done' },
        headers: { 'if-match': '"1"' },
      });
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json()).toMatchObject({ status: 'done', version: 2 });
      expect(done.json().completedAt).not.toBeNull();
      expect(
        (
          await t.request('PATCH', `/api/tasks/${task.id}`, {
            as: rep1,
            body: { status: 'open' },
            headers: { 'if-match': '"1"' },
          })
        ).statusCode,
      ).toBe(412);
      const reopened = await t.request('PATCH', `/api/tasks/${task.id}`, {
        as: rep1,
        body: { status: 'open' },
        headers: { 'if-match': '"2"' },
      });
      expect(reopened.json()).toMatchObject({ status: 'open', completedAt: null, version: 3 });
      const timeline = (await t.request('GET', `/api/customers/${c1}/timeline`, { as: rep1 })).json().items;
      expect(
        timeline.filter((e: { entityId: string }) => e.entityId === task.id).map((e: { kind: string }) => e.kind),
      ).toEqual(['task', 'task', 'task']);
      expect((await t.request('DELETE', `/api/tasks/${task.id}`, { as: rep2 })).statusCode).toBe(404);
      expect(
        (await t.request('DELETE', `/api/tasks/${task.id}`, { as: rep1, headers: { 'if-match': '"3"' } })).statusCode,
      ).toBe(204);
      expect((await t.request('GET', `/api/tasks/${task.id}`, { as: rep1 })).statusCode).toBe(404);
    });

    it('lets each role assign only within its tasks scope', async () => {
      const refused = await createTask(rep1, { assigneeId: rep2.id });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().errors[0]).toMatchObject({ field: 'assigneeId', code: 'task.assignee_not_allowed' });
      const forRep = await createTask(manager, { title: '经理布置的任务', assigneeId: rep2.id });
      expect(forRep.statusCode, forRep.body).toBe(201);
      expect((await createTask(manager, { assigneeId: westRep.id })).statusCode).toBe(422);
      expect((await createTask(admin, { assigneeId: westRep.id })).statusCode).toBe(201);
      // The assignee sees and completes it; another rep does not see it.
      const id = forRep.json().id;
      expect((await t.request('GET', `/api/tasks/${id}`, { as: rep2 })).json().canUpdate).toBe(true);
      expect((await t.request('GET', `/api/tasks/${id}`, { as: rep1 })).statusCode).toBe(404);
      // Reassigning follows the same rule.
      const moved = await t.request('PATCH', `/api/tasks/${id}`, {
        as: rep2,
        body: { assigneeId: rep1.id },
        headers: { 'if-match': '"1"' },
      });
      expect(moved.statusCode).toBe(422);
      const linkedElsewhere = await createTask(rep1, { related: { type: 'customer', id: c2 } });
      expect(linkedElsewhere.statusCode).toBe(422);
      expect(linkedElsewhere.json().errors[0]).toMatchObject({ field: 'related.id', code: 'task.related_not_found' });
      const opp = await insertOpportunity(t.db, orgId, {
        customerId: c1,
        ownerId: rep1.id,
        teamId: east,
        stage: 'proposal',
        enteredAt: new Date(),
      });
      const onDeal = await createTask(rep1, { related: { type: 'opportunity', id: opp.id } });
      expect(onDeal.json()).toMatchObject({ customerId: c1, related: { type: 'opportunity', name: opp.title } });
    });

    it('lists the caller’s tasks soonest due first, undated last, with filters and pages', async () => {
      const viewer = await t.userWithRole(admin, 'sales_rep', { teamId: east, name: '列表测试' });
      const base = Date.now() + 40 * day;
      const make = async (title: string, offsetDays: number | null) =>
        (
          await createTask(viewer, {
            title,
            dueAt: offsetDays === null ? null : new Date(base + offsetDays * day).toISOString(),
          })
        ).json().id as string;
      const undated = await make('无期限', null);
      const third = await make('第三', 3);
      const first = await make('第一', 1);
      const second = await make('第二', 2);
      const order: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { id: string }[]; nextCursor: string | null } = (
          await t.request('GET', `/api/tasks?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { as: viewer })
        ).json();
        order.push(...page.items.map((x: { id: string }) => x.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(order).toEqual([first, second, third, undated]);
      const yearZero = Buffer.from(JSON.stringify(['0000-01-01T00:00:00.000Z', first])).toString('base64url');
      expect((await t.request('GET', `/api/tasks?cursor=${yearZero}`, { as: viewer })).statusCode).toBe(422);
      const window = `dueFrom=${new Date(base + 1.5 * day).toISOString()}&dueTo=${new Date(base + 2.5 * day).toISOString()}`;
      expect(
        (await t.request('GET', `/api/tasks?${window}`, { as: viewer })).json().items.map((x: { id: string }) => x.id),
      ).toEqual([second]);
      await t.request('PATCH', `/api/tasks/${second}`, {
        headers: { 'if-match': '*' },
        as: viewer,
        body: { status: 'done' },
      });
      const open = (await t.request('GET', '/api/tasks?status=open', { as: viewer })).json().items;
      expect(open.map((x: { id: string }) => x.id)).toEqual([first, third, undated]);
      // Someone else's tasks need a wider scope than "own".
      expect((await t.request('GET', `/api/tasks?assignee=${rep1.id}`, { as: viewer })).json().items).toEqual([]);
      const team = (await t.request('GET', `/api/tasks?assignee=${viewer.id}`, { as: manager })).json().items;
      expect(team.map((x: { id: string }) => x.id)).toEqual([first, second, third, undated]);
    });

    it('answers the customer page its next open task in one row: the soonest due, whoever it is assigned to', async () => {
      const customerId = (await make.customer({ name: '苏州下一步物流有限公司', ownerId: rep1.id, teamId: east })).id;
      const base = Date.now() + 60 * day;
      const onCustomer = async (title: string, assigneeId: string, offsetDays: number | null) => {
        const dueAt = offsetDays === null ? null : new Date(base + offsetDays * day).toISOString();
        const created = await createTask(manager, {
          title,
          assigneeId,
          dueAt,
          related: { type: 'customer', id: customerId },
        });
        expect(created.statusCode, created.body).toBe(201);
        return created.json() as { id: string; dueAt: string | null };
      };
      await onCustomer('没有期限', rep1.id, null);
      await onCustomer('稍后', rep1.id, 5);
      const soonest = await onCustomer('最早', rep2.id, 2);
      const done = await onCustomer('已完成', rep1.id, 1);
      const completed = await t.request('PATCH', `/api/tasks/${done.id}`, {
        as: manager,
        headers: { 'if-match': '*' },
        body: { status: 'done' },
      });
      expect(completed.statusCode, completed.body).toBe(200);
      const next = (
        await t.request('GET', `/api/tasks?customerId=${customerId}&assignee=any&status=open&limit=1`, { as: manager })
      ).json();
      expect(next.items.map((x: { id: string; title: string }) => [x.id, x.title])).toEqual([[soonest.id, '最早']]);
      expect(next.nextCursor).not.toBeNull();
      // The record's next follow-up is the same task's due time, so the page shows the two together.
      const record = (await t.request('GET', `/api/customers/${customerId}`, { as: manager })).json();
      expect(record.nextFollowUpAt).toBe(soonest.dueAt);
    });

    it('answers "my day" by the days of the caller’s time zone', async () => {
      const viewer = await t.userWithRole(admin, 'sales_rep', { teamId: east, name: '今日测试' });
      const now = new Date();
      const tz = 'Asia/Shanghai';
      const today = zonedDayStart(tz, now);
      const tomorrow = zonedDayStart(tz, now, 1);
      const make = async (title: string, at: Date) =>
        (await createTask(viewer, { title, dueAt: at.toISOString() })).json().id as string;
      const overdue = await make('已逾期', new Date(today.getTime() - 60_000));
      const dueToday = await make('今天', new Date(today.getTime() + 60_000));
      const upcoming = await make('明天', new Date(tomorrow.getTime() + 3_600_000));
      await make('太远', zonedDayStart(tz, now, 9));
      const done = await make('已完成', new Date(today.getTime() + 120_000));
      await t.request('PATCH', `/api/tasks/${done}`, {
        headers: { 'if-match': '*' },
        as: viewer,
        body: { status: 'done' },
      });

      const res = await t.request('GET', `/api/tasks/my-day?tz=${encodeURIComponent(tz)}`, { as: viewer });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      const ids = (group: { id: string }[]) => group.map((x) => x.id);
      expect(body.timeZone).toBe(tz);
      expect(ids(body.overdue)).toEqual([overdue]);
      expect(ids(body.today)).toEqual([dueToday]);
      expect(ids(body.upcoming)).toEqual([upcoming]);
      const inUtc = (await t.request('GET', '/api/tasks/my-day', { as: viewer })).json();
      expect(inUtc.timeZone).toBe('UTC');
      // At a fixed moment: 20:00 UTC on 1 June is still that day in UTC and Los Angeles, but 2 June in Shanghai.
      const fixedNow = new Date('2030-06-01T12:00:00Z');
      const edge = await make('时区边界', new Date('2030-06-01T20:00:00Z'));
      const ctx = {
        ...systemCtx(t.db, orgId, { clock: fixedClock(fixedNow) }),
        userId: viewer.id,
        permissions: { tasks: { read: 'own' as const } },
      };
      const at = async (zone: string) => {
        const result = await myDay(ctx, { tz: zone, days: 1 });
        return { date: result.date, today: ids(result.today), upcoming: ids(result.upcoming) };
      };
      expect(await at('UTC')).toMatchObject({ date: '2030-06-01', today: [edge], upcoming: [] });
      expect(await at('America/Los_Angeles')).toMatchObject({ date: '2030-06-01', today: [edge] });
      expect(await at('Asia/Shanghai')).toMatchObject({ date: '2030-06-01', today: [], upcoming: [edge] });
      const wrong = await t.request('GET', '/api/tasks/my-day?tz=Mars%2FOlympus', { as: viewer });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().errors[0]).toMatchObject({ field: 'tz', code: 'task.time_zone_invalid' });
    });

    it('reminds the assignee once when a task falls due, even with two runs at once', async () => {
      const viewer = await make.user('sales_rep', { teamId: east, name: '提醒测试' });
      const due = new Date(Date.now() + 100 * day);
      const task = await make.as(viewer).task({ title: '续签合同', dueAt: due.toISOString(), related: null });
      const reminders = async () => notificationsOf(t, { userId: viewer.id, kind: 'task.due' });
      await runTaskReminders(t.db, fixedClock(new Date(due.getTime() - 1)));
      expect(await reminders()).toHaveLength(0);
      const runs = await Promise.all([
        runTaskReminders(t.db, fixedClock(new Date(due.getTime() + 1000))),
        runTaskReminders(t.db, fixedClock(new Date(due.getTime() + 1000))),
      ]);
      expect(runs[0] + runs[1]).toBeGreaterThanOrEqual(1);
      expect(await reminders()).toEqual([expect.objectContaining({ params: { task: '续签合同', related: null } })]);
      await runTaskReminders(t.db, fixedClock(new Date(due.getTime() + 2000)));
      expect(await reminders()).toHaveLength(1);
      const mails = await t.db.select().from(outbox).where(eq(outbox.recipient, viewer.email));
      expect(mails.map((m) => m.subject)).toEqual(['任务到期：续签合同']);
      // Reminding is bookkeeping: the task's version does not move.
      expect((await t.request('GET', `/api/tasks/${task.id}`, { as: viewer })).json().version).toBe(1);
      // A new due time means a new reminder.
      const later = new Date(due.getTime() + day);
      await t.request('PATCH', `/api/tasks/${task.id}`, {
        headers: { 'if-match': '*' },
        as: viewer,
        body: { dueAt: later.toISOString() },
      });
      await runTaskReminders(t.db, fixedClock(new Date(later.getTime() + 1000)));
      expect(await reminders()).toHaveLength(2);
    });
  });

  describe('next-step rules', () => {
    it('are configured by those who configure the pipeline, with If-Match', async () => {
      const defaults = (await t.request('GET', '/api/next-step-rules', { as: rep1 })).json().items;
      expect(
        defaults.map((r: { stageKey: string; kind: string; days: number }) => [r.stageKey, r.kind, r.days]),
      ).toEqual([
        ['inquiry', 'no_activity', 2],
        ['proposal', 'no_answer', 3],
        ['negotiation', 'no_activity', 5],
      ]);
      const body = { stageKey: 'negotiation', kind: 'no_answer', days: 10, taskTitle: '催促合同回签' };
      expect((await t.request('POST', '/api/next-step-rules', { as: rep1, body })).statusCode).toBe(403);
      const unknown = await t.request('POST', '/api/next-step-rules', {
        as: manager,
        body: { ...body, stageKey: 'won' },
      });
      expect(unknown.statusCode).toBe(422);
      expect(unknown.json().errors[0]).toMatchObject({ field: 'stageKey', code: 'next_step.stage_unknown' });
      const created = await t.request('POST', '/api/next-step-rules', { as: manager, body });
      expect(created.statusCode, created.body).toBe(201);
      const rule = created.json();
      expect(rule).toMatchObject({ ...body, enabled: true, taskPriority: 'normal', version: 1 });
      const edit = (version: string, patch: object) =>
        t.request('PATCH', `/api/next-step-rules/${rule.id}`, {
          as: manager,
          body: patch,
          headers: { 'if-match': version },
        });
      expect((await edit('"1"', { days: 0 })).statusCode).toBe(422);
      expect((await edit('"1"', { days: 12, enabled: false })).json()).toMatchObject({
        days: 12,
        enabled: false,
        version: 2,
      });
      expect((await edit('"1"', { days: 14 })).statusCode).toBe(412);
      expect(
        (await t.request('DELETE', `/api/next-step-rules/${rule.id}`, { as: manager, headers: { 'if-match': '"2"' } }))
          .statusCode,
      ).toBe(204);
      expect((await t.request('GET', `/api/next-step-rules/${rule.id}`, { as: manager })).statusCode).toBe(404);
    });

    it('makes one task per occasion for the owner, and a new one after the next silence', async () => {
      const start = new Date(Date.now() - 60 * day);
      const at = (days: number) => new Date(start.getTime() + days * day);
      const opp = await insertOpportunity(t.db, orgId, {
        customerId: c1,
        ownerId: rep1.id,
        teamId: east,
        stage: 'inquiry',
        enteredAt: start,
      });
      await runNextStepRules(t.db, fixedClock(new Date(at(2).getTime() - 1)));
      expect(await tasksOf(t.db, opp.id)).toHaveLength(0);
      await runNextStepRules(t.db, fixedClock(at(2)));
      const [task] = await tasksOf(t.db, opp.id);
      expect(task).toMatchObject({
        assigneeId: rep1.id,
        teamId: east,
        customerId: c1,
        source: 'rule',
        status: 'open',
        title: `跟进商机 ${opp.title}（2 天无活动）`,
      });
      expect(task?.dueAt?.toISOString()).toBe(at(2).toISOString());
      const told = await notificationsOf(t, { userId: rep1.id, kind: 'task.next_step' });
      expect(told.filter((n) => n.subjectId === opp.id)).toEqual([
        expect.objectContaining({
          params: expect.objectContaining({ opportunity: opp.title, rule: 'no_activity', days: 2 }),
        }),
      ]);
      // The same occasion never makes a second task, not even with two runs at once.
      await Promise.all([runNextStepRules(t.db, fixedClock(at(5))), runNextStepRules(t.db, fixedClock(at(5)))]);
      expect(await tasksOf(t.db, opp.id)).toHaveLength(1);
      // The rep logs a call on day 6: the clock restarts, and the next silence makes a new task.
      const call = await logCall(rep1, { customerId: c1, opportunityId: opp.id, occurredAt: at(6).toISOString() });
      expect(call.statusCode, call.body).toBe(201);
      await runNextStepRules(t.db, fixedClock(at(7.9)));
      expect(await tasksOf(t.db, opp.id)).toHaveLength(1);
      await Promise.all([runNextStepRules(t.db, fixedClock(at(8))), runNextStepRules(t.db, fixedClock(at(8)))]);
      const both = await tasksOf(t.db, opp.id);
      expect(both.map((x) => x.dueAt?.toISOString()).sort()).toEqual([at(2).toISOString(), at(8).toISOString()]);
      const notes = await notificationsOf(t, { kind: 'task.next_step', subjectId: opp.id });
      expect(notes).toHaveLength(2);
      // The rep sees the task in their list and completes it.
      const listed = (
        await t.request('GET', `/api/tasks?relatedType=opportunity&relatedId=${opp.id}&status=open`, { as: rep1 })
      ).json();
      expect(listed.items).toHaveLength(2);
      const first = listed.items[0];
      const done = await t.request('PATCH', `/api/tasks/${first.id}`, {
        as: rep1,
        body: { status: 'done' },
        headers: { 'if-match': `"${first.version}"` },
      });
      expect(done.json().status).toBe('done');
    });

    it('fires no_answer once after entering the stage, and not once anything happened', async () => {
      const start = new Date(Date.now() - 40 * day);
      const at = (days: number) => new Date(start.getTime() + days * day);
      const silent = await insertOpportunity(t.db, orgId, {
        customerId: c1,
        ownerId: rep1.id,
        teamId: east,
        stage: 'proposal',
        enteredAt: start,
      });
      const answered = await insertOpportunity(t.db, orgId, {
        customerId: c1,
        ownerId: rep1.id,
        teamId: east,
        stage: 'proposal',
        enteredAt: start,
      });
      await logCall(rep1, { customerId: c1, opportunityId: answered.id, occurredAt: at(1).toISOString() });
      await runNextStepRules(t.db, fixedClock(at(2.99)));
      expect(await tasksOf(t.db, silent.id)).toHaveLength(0);
      await runNextStepRules(t.db, fixedClock(at(3)));
      await runNextStepRules(t.db, fixedClock(at(30)));
      expect(await tasksOf(t.db, silent.id)).toEqual([
        expect.objectContaining({ title: `跟进 ${silent.title} 的回复（3 天未回复）` }),
      ]);
      expect(await tasksOf(t.db, answered.id)).toHaveLength(0);
      // Closed opportunities and ones without an owner make no tasks.
      const won = await insertOpportunity(t.db, orgId, {
        customerId: c1,
        ownerId: rep1.id,
        stage: 'proposal',
        enteredAt: start,
      });
      await t.db.update(opportunities).set({ status: 'won' }).where(eq(opportunities.id, won.id));
      const orphan = await insertOpportunity(t.db, orgId, {
        customerId: c1,
        ownerId: null,
        stage: 'proposal',
        enteredAt: start,
      });
      await runNextStepRules(t.db, fixedClock(at(30)));
      expect(await tasksOf(t.db, won.id)).toHaveLength(0);
      expect(await tasksOf(t.db, orphan.id)).toHaveLength(0);
    });

    it('agrees with the domain’s rule evaluation at and around every boundary', async () => {
      const rules = {
        negotiation: { stageKey: 'negotiation', kind: 'no_activity' as const, days: 5, enabled: true },
        proposal: { stageKey: 'proposal', kind: 'no_answer' as const, days: 3, enabled: true },
      };
      const base = Date.now() - 400 * day;
      const offset = fc.integer({ min: 0, max: 20 * day });
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('negotiation' as const, 'proposal' as const),
          offset,
          fc.option(offset, { nil: null }),
          fc.integer({ min: -2, max: 2 }),
          async (stage, enteredMs, activityMs, nudge) => {
            const enteredAt = new Date(base + enteredMs);
            const lastActivityAt = activityMs === null ? null : new Date(base + activityMs);
            const opportunity = { stageKey: stage, status: 'open', stageEnteredAt: enteredAt, lastActivityAt };
            // Evaluate right at the boundary (give or take a millisecond) when there is one.
            const occasionStart = Math.max(enteredAt.getTime(), lastActivityAt?.getTime() ?? 0);
            const start = rules[stage].kind === 'no_answer' ? enteredAt.getTime() : occasionStart;
            const now = new Date(start + rules[stage].days * day + nudge);
            const opp = await insertOpportunity(t.db, orgId, {
              customerId: c2,
              ownerId: rep2.id,
              teamId: east,
              stage,
              enteredAt,
            });
            await t.db.update(opportunities).set({ lastActivityAt }).where(eq(opportunities.id, opp.id));
            await runNextStepRules(t.db, fixedClock(now));
            const made = await tasksOf(t.db, opp.id);
            const expected = dueNextStep(rules[stage], opportunity, now);
            expect(made.map((x) => x.dueAt?.toISOString())).toEqual(expected ? [expected.dueAt.toISOString()] : []);
          },
        ),
        { seed: 7_031, numRuns: 24 },
      );
    });
  });

  describe('calendar', () => {
    it('serves a private iCalendar feed that parses back with the caller’s items only', async () => {
      const viewer = await make.user('sales_rep', { teamId: east, name: '日历测试' });
      const own = (await make.customer({ name: '日历客户', ownerId: viewer.id, teamId: east })).id;
      const due = new Date(Date.now() + 2 * day);
      due.setUTCMilliseconds(0);
      const tricky =
        '报价, 含税; 注意\\换行\n第二行 — a rather long title that will certainly need folding at 75 octets';
      const task = await make.as(viewer).task({ title: tricky, dueAt: due.toISOString() });
      const finished = await make.as(viewer).task({ title: '已完成的任务', dueAt: due.toISOString() });
      await t.request('PATCH', `/api/tasks/${finished.id}`, {
        headers: { 'if-match': '*' },
        as: viewer,
        body: { status: 'done' },
      });
      const meetingAt = new Date(Date.now() + day);
      meetingAt.setUTCMilliseconds(0);
      const meeting = await make.as(viewer).activity({
        customerId: own,
        kind: 'meeting',
        subject: '年度合同谈判',
        occurredAt: meetingAt.toISOString(),
        durationMinutes: 90,
      });
      // Someone else's task must not show up.
      await make.as(rep1).task({ title: '李一的私人任务', dueAt: due.toISOString() });

      expect((await t.request('GET', '/api/calendar/feed', { as: viewer })).json()).toEqual({
        active: false,
        createdAt: null,
      });
      const created = await t.request('POST', '/api/calendar/feed', { as: viewer });
      expect(created.statusCode, created.body).toBe(201);
      const url = new URL(created.json().url);
      // <organisation>.<feed>.<secret>: found by primary key, like a session.
      expect(url.pathname).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\.ics$/);
      expect((await t.request('GET', '/api/calendar/feed', { as: viewer })).json().active).toBe(true);

      const feed = await t.request('GET', url.pathname);
      expect(feed.statusCode, feed.body).toBe(200);
      expect(feed.headers['content-type']).toContain('text/calendar');
      for (const line of feed.body.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      const calendar = new ICAL.Component(ICAL.parse(feed.body));
      const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
      const byUid = new Map(events.map((e) => [e.uid, e]));
      expect([...byUid.keys()].sort()).toEqual([`activity-${meeting.id}@berth`, `task-${task.id}@berth`].sort());
      const taskEvent = byUid.get(`task-${task.id}@berth`) as ICAL.Event;
      expect(taskEvent.summary).toBe(`任务: ${tricky}`);
      expect(taskEvent.startDate.toJSDate().toISOString()).toBe(due.toISOString());
      const meetingEvent = byUid.get(`activity-${meeting.id}@berth`) as ICAL.Event;
      expect(meetingEvent.summary).toBe('会议: 年度合同谈判 · 日历客户');
      expect(meetingEvent.startDate.toJSDate().toISOString()).toBe(meetingAt.toISOString());
      expect(meetingEvent.endDate.toJSDate().getTime() - meetingAt.getTime()).toBe(90 * 60_000);
      expect(feed.body).not.toContain('李一的私人任务');
      // The same feed twice: same UIDs, so a subscribed calendar updates in place.
      const again = await t.request('GET', url.pathname);
      expect(again.body).toBe(feed.body);

      const rotated = new URL((await t.request('POST', '/api/calendar/feed', { as: viewer })).json().url);
      expect((await t.request('GET', url.pathname)).statusCode).toBe(404);
      expect((await t.request('GET', rotated.pathname)).statusCode).toBe(200);
      expect((await t.request('DELETE', '/api/calendar/feed', { as: viewer })).statusCode).toBe(204);
      expect((await t.request('GET', rotated.pathname)).statusCode).toBe(404);
      expect((await t.request('GET', `/api/calendar/${'x'.repeat(43)}.ics`)).statusCode).toBe(404);
      expect((await t.request('GET', '/api/calendar/short.ics')).statusCode).toBe(400);
    });

    it('lists the caller’s tasks and activities for the calendar page', async () => {
      // Items of its own, rather than what the tests before it left in the calendar.
      await make.as(rep1).activity({ customerId: c1, subject: '日历页的电话' });
      await make.as(rep1).task({ title: '日历页的任务', dueAt: new Date(Date.now() + day).toISOString() });
      const from = new Date(Date.now() - 30 * day).toISOString();
      const to = new Date(Date.now() + 30 * day).toISOString();
      const res = await t.request('GET', `/api/calendar/items?from=${from}&to=${to}`, { as: rep1 });
      expect(res.statusCode, res.body).toBe(200);
      const items = res.json().items as { type: string; customerId: string | null; start: string }[];
      expect(items.some((i) => i.type === 'activity')).toBe(true);
      expect(items.some((i) => i.type === 'task')).toBe(true);
      expect(items.every((i) => i.customerId !== c2 || i.type === 'task')).toBe(true);
      expect([...items].map((i) => i.start)).toEqual(items.map((i) => i.start).sort());
      const tooLong = await t.request(
        'GET',
        `/api/calendar/items?from=${from}&to=${new Date(Date.now() + 90 * day).toISOString()}`,
        {
          as: rep1,
        },
      );
      expect(tooLong.statusCode).toBe(400);
    });
  });
});

describe('the next-step job survives a restart', () => {
  let store: Awaited<ReturnType<typeof restartableStore>>;
  beforeAll(async () => {
    store = await restartableStore();
  });
  afterAll(() => store?.remove());

  it('runs after a restart when it was scheduled before, and schedules its next run', {
    timeout: restartTestTimeout,
  }, async () => {
    const first = await store.boot();
    const setup = await first.server.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: {
        organization: { name: '重启测试货代' },
        admin: { name: '管理员', email: 'restart@example.com', password: 'Test-password-1' },
      },
    });
    const me = setup.json();
    const cookie = setup.cookies.find((c) => c.name === 'berth_session');
    const customer = await first.server.app.inject({
      method: 'POST',
      url: '/api/customers',
      payload: { name: '重启客户' },
      headers: { cookie: `berth_session=${cookie?.value}`, 'x-csrf-token': me.csrfToken },
    });
    expect(customer.statusCode, customer.body).toBe(201);
    const orgId = me.organization.id as string;
    const ownerId = me.user.id as string;
    const customerId = customer.json().id as string;
    const opp = await insertOpportunity(first.server.deps.db, orgId, {
      customerId,
      ownerId,
      stage: 'inquiry',
      enteredAt: new Date(Date.now() - 3 * day),
    });
    // What the runner leaves after a run: the next one queued for later.
    await enqueueJob(
      first.server.deps.db,
      nextStepsJob,
      {},
      { singletonKey: `every:${nextStepsJob}`, delayMs: 30, maxAttempts: 1 },
    );
    await first.stop();

    const second = await store.boot();
    try {
      await new Promise((resolve) => setTimeout(resolve, 60));
      await second.server.deps.jobs.runDue();
      const made = await tasksOf(second.server.deps.db, opp.id);
      expect(made).toEqual([expect.objectContaining({ assigneeId: ownerId, source: 'rule' })]);
      const queue = await second.server.deps.db
        .select()
        .from(jobs)
        .where(eq(jobs.name, nextStepsJob))
        .orderBy(jobs.createdAt);
      expect(queue.map((j) => j.status)).toEqual(['done', 'queued']);
      const next = queue[1] as typeof jobs.$inferSelect;
      expect(next.runAt.getTime() - Date.now()).toBeGreaterThan(50 * 60_000);
    } finally {
      await second.stop();
    }
  });
});
