import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganisation, type Factories } from '../../../test/factories';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';
import { storage } from '../../../test/storage';
import { activities } from './tables';

const { tasks } = storage;

const day = 86_400_000;
type Rep = Session & { id: string };
const en = { 'accept-language': 'en' };
const zh = { 'accept-language': 'zh-CN' };

describe('WeChat and follow-up without friction', () => {
  let t: TestApp;
  let make: Factories;
  let east: string;
  let rep: Rep;
  let colleague: Rep;
  let customerId: string;
  let contactId: string;

  beforeAll(async () => {
    t = await startTestApp();
    let admin: Session;
    ({ admin, make } = await anOrganisation(t, { name: '微信货代' }));
    void admin;
    east = (await make.team({ name: '华东销售部' })).id;
    rep = await make.user('sales_rep', { teamId: east, name: '孙丽' });
    colleague = await make.user('sales_rep', { teamId: east, name: '周同事' });
    customerId = (await make.customer({ name: '宁波海星物流有限公司', ownerId: rep.id, teamId: east })).id;
    contactId = (await make.contact({ customerId, name: '张经理' })).id;
  });
  afterAll(() => t.close());

  const log = (body: Record<string, unknown>, headers: Record<string, string> = zh) =>
    t.request('POST', '/api/activities', {
      as: rep,
      headers,
      body: { kind: 'wechat', customerId, occurredAt: new Date().toISOString(), ...body },
    });

  it('logs a WeChat activity without a subject and names it in each reader’s language, storing no words of its own', async () => {
    const res = await log({
      participants: { contactIds: [contactId] },
      minutes: '客户发来下周两个40HQ订舱需求，要求周五前确认舱位',
    });
    expect(res.statusCode, res.body).toBe(201);
    const activity = res.json();
    expect(activity).toMatchObject({ kind: 'wechat', subject: null });
    expect(activity.displaySubject).toBe(
      '微信沟通 · 张经理（宁波海星物流有限公司）：客户发来下周两个40HQ订舱需求，要求周五前确认…',
    );
    const asEnglish = (await t.request('GET', `/api/activities/${activity.id}`, { as: rep, headers: en })).json();
    expect(asEnglish.displaySubject).toBe(
      'WeChat with 张经理 (宁波海星物流有限公司): 客户发来下周两个40HQ订舱需求，要求周五前确认…',
    );
    const [row] = await t.db.select().from(activities).where(eq(activities.id, activity.id));
    expect(row?.subject).toBeNull();

    // An empty subject is no subject; an entered one is shown as it is.
    const empty = (await log({ kind: 'wecom', subject: '  ' }, en)).json();
    expect(empty).toMatchObject({ subject: null, displaySubject: 'WeCom chat with 宁波海星物流有限公司' });
    const named = (await log({ subject: '确认舱位' }, en)).json();
    expect(named).toMatchObject({ subject: '确认舱位', displaySubject: '确认舱位' });
    // A subject can be removed again by correcting the activity.
    const cleared = await t.request('PATCH', `/api/activities/${named.id}`, {
      as: rep,
      headers: { ...en, 'if-match': '"1"' },
      body: { subject: null },
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({ subject: null, displaySubject: 'WeChat with 宁波海星物流有限公司' });
  });

  it('refuses an unknown kind and keeps the old kinds valid', async () => {
    expect((await log({ kind: 'qq' })).statusCode).toBe(422);
    expect((await log({ kind: 'visit', subject: '上门拜访' })).statusCode).toBe(201);
  });

  it('filters the list by one kind or by every WeChat kind, and counts activities by kind', async () => {
    const own = (await make.customer({ name: '计数客户', ownerId: rep.id, teamId: east })).id;
    const kinds = ['wechat', 'wechat', 'wecom', 'call', 'email'] as const;
    for (const kind of kinds) await make.as(rep).activity({ customerId: own, kind, subject: null });
    const list = async (kind: string) =>
      (await t.request('GET', `/api/activities?customerId=${own}&kind=${kind}`, { as: rep })).json().items as {
        kind: string;
      }[];
    expect((await list('wechat')).map((a) => a.kind)).toEqual(['wechat', 'wechat']);
    expect((await list('wechat,wecom')).map((a) => a.kind).sort()).toEqual(['wechat', 'wechat', 'wecom']);
    expect((await t.request('GET', `/api/activities?kind=wechat,fax`, { as: rep })).statusCode).toBe(400);

    const counts = await t.request('GET', `/api/activities/counts?customerId=${own}`, { as: rep });
    expect(counts.statusCode, counts.body).toBe(200);
    expect(counts.json()).toEqual({
      byKind: [
        { kind: 'call', count: 1 },
        { kind: 'email', count: 1 },
        { kind: 'meeting', count: 0 },
        { kind: 'visit', count: 0 },
        { kind: 'wechat', count: 2 },
        { kind: 'wecom', count: 1 },
      ],
      total: 5,
    });
    // Counts follow the reader's scope like the list: a colleague sees none of these.
    const theirs = (await t.request('GET', `/api/activities/counts?customerId=${own}`, { as: colleague })).json();
    expect(theirs.total).toBe(0);
  });

  it('creates the next task with the activity, linked to its opportunity or customer', async () => {
    const dueAt = new Date(Date.now() + 2 * day).toISOString();
    const res = await log({ minutes: '客户要美西报价', nextTask: { title: '周五前发送美西报价', dueAt } });
    expect(res.statusCode, res.body).toBe(201);
    const activity = res.json();
    expect(activity.nextTaskId).toBeTruthy();
    const task = (await t.request('GET', `/api/tasks/${activity.nextTaskId}`, { as: rep })).json();
    expect(task).toMatchObject({
      title: '周五前发送美西报价',
      assigneeId: rep.id,
      related: { type: 'customer', id: customerId },
      customerId,
      source: 'manual',
    });
    expect(new Date(task.dueAt).toISOString()).toBe(dueAt);
    // The answer of a plain read does not carry it.
    expect((await t.request('GET', `/api/activities/${activity.id}`, { as: rep })).json().nextTaskId).toBeUndefined();

    const opportunity = await make.as(rep).opportunity({ customerId });
    const onDeal = await log({ opportunityId: opportunity.id, nextTask: { title: '跟进商机', dueAt } });
    expect(onDeal.statusCode, onDeal.body).toBe(201);
    const dealTask = (await t.request('GET', `/api/tasks/${onDeal.json().nextTaskId}`, { as: rep })).json();
    expect(dealTask.related).toMatchObject({ type: 'opportunity', id: opportunity.id });
  });

  it('saves nothing when the next task cannot be made', async () => {
    const before = (
      await t.db.select({ id: activities.id }).from(activities).where(eq(activities.customerId, customerId))
    ).length;
    const tasksBefore = (await t.db.select({ id: tasks.id }).from(tasks).where(eq(tasks.customerId, customerId)))
      .length;
    const dueAt = new Date(Date.now() + day).toISOString();

    // Invalid in itself: refused before anything is written, the field named under nextTask.
    const blank = await log({ minutes: '无效任务', nextTask: { title: ' ', dueAt } });
    expect(blank.statusCode).toBe(422);
    expect(JSON.stringify(blank.json())).toContain('nextTask.title');

    // Valid in shape, refused by the task rules after the activity was written: a rep may not give
    // colleagues tasks. The activity is rolled back with it.
    const assigned = await log({
      minutes: '无效任务',
      nextTask: { title: '让同事跟进', dueAt, assigneeId: colleague.id },
    });
    expect(assigned.statusCode, assigned.body).toBe(422);
    expect(assigned.json().errors.map((f: { field: string }) => f.field)).toEqual(['nextTask.assigneeId']);

    const after = (
      await t.db.select({ id: activities.id }).from(activities).where(eq(activities.customerId, customerId))
    ).length;
    const tasksAfter = (await t.db.select({ id: tasks.id }).from(tasks).where(eq(tasks.customerId, customerId))).length;
    expect(after).toBe(before);
    expect(tasksAfter).toBe(tasksBefore);
    const leftover = await t.db
      .select()
      .from(activities)
      .where(and(eq(activities.customerId, customerId), eq(activities.minutes, '无效任务')));
    expect(leftover).toEqual([]);
  });

  it('links a task made on 我的一天 to a customer or an opportunity', async () => {
    const opportunity = await make.as(rep).opportunity({ customerId });
    const onCustomer = await make.as(rep).task({ title: '客户任务', related: { type: 'customer', id: customerId } });
    expect(onCustomer.related).toMatchObject({ type: 'customer', id: customerId, name: '宁波海星物流有限公司' });
    const onDeal = await make.as(rep).task({ title: '商机任务', related: { type: 'opportunity', id: opportunity.id } });
    expect(onDeal).toMatchObject({ customerId, related: { type: 'opportunity', id: opportunity.id } });
  });

  it('shows the sales events one owns or takes part in on the calendar page and in the feed', async () => {
    const start = Date.now() + 3 * day;
    const show = await make.as(rep).salesEvent({
      kind: 'trade_show',
      name: '上海国际物流展',
      place: '国家会展中心',
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 2 * day).toISOString(),
      participantIds: [colleague.id],
    });
    const chatAt = new Date(Date.now() + day);
    chatAt.setUTCMilliseconds(0);
    const chat = await make
      .as(rep)
      .activity({ customerId, kind: 'wechat', subject: null, occurredAt: chatAt.toISOString() });
    const from = new Date(Date.now() - day).toISOString();
    const to = new Date(Date.now() + 20 * day).toISOString();
    for (const who of [rep, colleague]) {
      const res = await t.request('GET', `/api/calendar/items?from=${from}&to=${to}`, { as: who, headers: en });
      expect(res.statusCode, res.body).toBe(200);
      const event = res.json().items.find((i: { id: string }) => i.id === show.id);
      expect(event).toMatchObject({
        type: 'sales_event',
        title: '上海国际物流展',
        salesEventKind: 'trade_show',
        place: '国家会展中心',
        end: new Date(start + 2 * day).toISOString(),
      });
    }
    const items = (await t.request('GET', `/api/calendar/items?from=${from}&to=${to}`, { as: rep, headers: en })).json()
      .items as { id: string; title: string; activityKind: string | null }[];
    expect(items.find((i) => i.id === chat.id)).toMatchObject({
      title: 'WeChat with 宁波海星物流有限公司',
      activityKind: 'wechat',
    });

    const url = new URL((await t.request('POST', '/api/calendar/feed', { as: rep })).json().url);
    const feed = await t.request('GET', url.pathname);
    expect(feed.statusCode).toBe(200);
    const events = new ICAL.Component(ICAL.parse(feed.body))
      .getAllSubcomponents('vevent')
      .map((c) => new ICAL.Event(c));
    const showEvent = events.find((e) => e.uid === `sales-event-${show.id}@berth`);
    expect(showEvent?.summary).toBe('展会: 上海国际物流展');
    expect(showEvent?.location).toBe('国家会展中心');
    expect(events.find((e) => e.uid === `activity-${chat.id}@berth`)?.summary).toBe('微信沟通 · 宁波海星物流有限公司');
  });
});
