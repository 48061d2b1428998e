import { fixedClock } from '@berth/domain';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganisation, type Factories, type SalesEventFields } from '../../../test/factories';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';
import { notificationsOf, storage } from '../../../test/storage';
import { outbox } from '../../db/schema';
import { loadDemoSalesEvents } from './demo-events';
import { runSalesEventReminders } from './event-reminders';

const { customers, ownershipChanges } = storage;

type User = Session & { id: string };

const hour = 3_600_000;
/** Upcoming events are placed around this moment, far ahead of the clock; past ones in 2020. */
const base = Date.UTC(2031, 3, 10, 1, 0);
const at = (hours: number) => new Date(base + hours * hour).toISOString();
const pastAt = (hours: number) => new Date(Date.UTC(2020, 4, 1, 1, 0) + hours * hour).toISOString();

describe('sales events, leads and prospects', () => {
  let t: TestApp;
  let admin: User;
  let make: Factories;
  let east: string;
  let west: string;
  let manager: User;
  let rep1: User;
  let rep2: User;
  let westRep: User;
  let marketing: User;
  let orgId: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin, make } = await anOrganisation(t, { name: '展会货代' }));
    orgId = admin.me.organization.id;
    east = (await make.team({ name: '华东销售部' })).id;
    west = (await make.team({ name: '华南销售部' })).id;
    manager = await make.user('sales_manager', { teamId: east, name: '王经理' });
    rep1 = await make.user('sales_rep', { teamId: east, name: '李一' });
    rep2 = await make.user('sales_rep', { teamId: east, name: '张二' });
    westRep = await make.user('sales_rep', { teamId: west, name: '陈西' });
    marketing = await make.user('marketing', { name: '何市场' });
  });
  afterAll(() => t.close());

  const send = (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    as: Session,
    body?: unknown,
    version?: number,
  ) => {
    // Updates name the version they change; without one the test says it overwrites whatever is there.
    const ifMatch = version !== undefined ? `"${version}"` : method === 'PATCH' || method === 'PUT' ? '*' : undefined;
    return t.request(method, url, { as, body, headers: ifMatch ? { 'if-match': ifMatch } : {} });
  };

  const createEvent = (as: Session, body: SalesEventFields) =>
    make.as(as).salesEvent({ name: '展会', startsAt: at(0), endsAt: at(8), ...body });
  const fieldErrors = (res: { json: () => { errors?: { field: string; code: string }[] } }) =>
    (res.json().errors ?? []).map((e) => `${e.field}:${e.code}`);

  describe('the event itself', () => {
    it('creates, reads, changes and deletes an event with ETag and If-Match', async () => {
      const created = await send('POST', '/api/sales-events', rep1, {
        kind: 'trade_show',
        name: '2031 上海国际物流展',
        startsAt: at(0),
        endsAt: at(9),
        place: '上海新国际博览中心 W3 馆',
        cost: { amount: 36000, currency: 'cny' },
        participantIds: [rep1.id, rep2.id],
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.headers.etag).toBe('"1"');
      const event = created.json();
      expect(event).toMatchObject({
        kind: 'trade_show',
        ownerId: rep1.id,
        ownerName: '李一',
        teamId: east,
        cost: { amount: '36000.00', currency: 'CNY' },
        leadCount: 0,
        remindedAt: null,
        version: 1,
      });
      expect(event.participants.map((p: { name: string }) => p.name).sort()).toEqual(['张二', '李一'].sort());

      const read = await send('GET', `/api/sales-events/${event.id}`, westRep);
      expect(read.statusCode).toBe(200);
      expect(read.headers.etag).toBe('"1"');

      const changed = await send('PATCH', `/api/sales-events/${event.id}`, rep1, { place: 'W4 馆' }, 1);
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json()).toMatchObject({ place: 'W4 馆', version: 2 });
      const stale = await send('PATCH', `/api/sales-events/${event.id}`, rep1, { place: 'W5 馆' }, 1);
      expect(stale.statusCode).toBe(412);
      expect(stale.json().code).toBe('conflict.version');
      const malformed = await t.request('PATCH', `/api/sales-events/${event.id}`, {
        as: rep1,
        body: { place: 'W5 馆' },
        headers: { 'if-match': 'W/"abc"' },
      });
      expect(malformed.statusCode).toBe(412);

      // A colleague sees it (salesEvents.read org) but may not change it (update own).
      expect((await send('PATCH', `/api/sales-events/${event.id}`, rep2, { name: 'x' })).statusCode).toBe(403);
      expect((await send('DELETE', `/api/sales-events/${event.id}`, manager, undefined, 1)).statusCode).toBe(412);
      expect((await send('DELETE', `/api/sales-events/${event.id}`, manager, undefined, 2)).statusCode).toBe(204);
      expect((await send('GET', `/api/sales-events/${event.id}`, rep1)).statusCode).toBe(404);
    });

    it('refuses an end before the start and an owner outside the scope, on their fields', async () => {
      const backwards = await send('POST', '/api/sales-events', rep1, {
        kind: 'visit',
        name: '拜访',
        startsAt: at(5),
        endsAt: at(4),
      });
      expect(backwards.statusCode).toBe(422);
      expect(fieldErrors(backwards)).toEqual(['endsAt:sales_event.ends_before_start']);
      const foreignOwner = await send('POST', '/api/sales-events', rep1, {
        kind: 'visit',
        name: '拜访',
        startsAt: at(4),
        endsAt: at(5),
        ownerId: rep2.id,
      });
      expect(fieldErrors(foreignOwner)).toEqual(['ownerId:sales_event.owner_outside_scope']);
      const byManager = await createEvent(manager, { kind: 'visit', name: '拜访张二客户', ownerId: rep2.id });
      expect(byManager).toMatchObject({ ownerId: rep2.id, teamId: east });
      const event = await createEvent(rep1, { name: '时间校验' });
      const patchBackwards = await send('PATCH', `/api/sales-events/${event.id}`, rep1, { endsAt: at(-1) });
      expect(fieldErrors(patchBackwards)).toEqual(['endsAt:sales_event.ends_before_start']);
    });

    it('lists upcoming events soonest first and past ones latest first, by keyset pages', async () => {
      const kind = 'presentation';
      const later = await createEvent(rep1, { kind, name: '产品发布会 B', startsAt: at(48), endsAt: at(50) });
      const sooner = await createEvent(rep1, { kind, name: '产品发布会 A', startsAt: at(24), endsAt: at(26) });
      const past = await createEvent(rep1, { kind, name: '旧发布会', startsAt: pastAt(0), endsAt: pastAt(2) });
      const upcoming = (await send('GET', `/api/sales-events?when=upcoming&kind=${kind}`, rep2)).json();
      expect(upcoming.items.map((e: { id: string }) => e.id)).toEqual([sooner.id, later.id]);
      const pastList = (await send('GET', `/api/sales-events?when=past&kind=${kind}`, rep2)).json();
      expect(pastList.items.map((e: { id: string }) => e.id)).toEqual([past.id]);

      const first = (await send('GET', `/api/sales-events?when=upcoming&kind=${kind}&limit=1`, rep2)).json();
      expect(first.items.map((e: { id: string }) => e.id)).toEqual([sooner.id]);
      const second = (
        await send('GET', `/api/sales-events?when=upcoming&kind=${kind}&limit=1&cursor=${first.nextCursor}`, rep2)
      ).json();
      expect(second.items.map((e: { id: string }) => e.id)).toEqual([later.id]);
      expect(second.nextCursor).toBeNull();

      const april = (await send('GET', `/api/sales-events?kind=${kind}&from=${at(30)}&to=${at(60)}`, rep2)).json();
      expect(april.items.map((e: { id: string }) => e.id)).toEqual([later.id]);
      // Offsets up to ±23:59 are valid ISO 8601, though beyond what the database reads in a timestamp.
      const farOffset = await send(
        'GET',
        `/api/sales-events?kind=${kind}&from=${encodeURIComponent('2031-04-10T00:00:00-23:59')}`,
        rep2,
      );
      expect(farOffset.statusCode, farOffset.body).toBe(200);
      const bad = await send('GET', '/api/sales-events?cursor=bm90LWEtY3Vyc29y', rep2);
      expect(bad.statusCode).toBe(422);
    });
  });

  it('shows an event to a role reading only its own events when the user takes part in it', async () => {
    const role = await send('POST', '/api/roles', admin, {
      key: 'booth_helper',
      name: '展位助手',
      nameEn: 'Booth helper',
      permissions: { salesEvents: { read: 'own' }, customers: { read: 'own' } },
    });
    expect(role.statusCode, role.body).toBe(201);
    const email = 'helper@example.com';
    const user = await send('POST', '/api/users', admin, {
      email,
      name: '展位助手',
      password: 'Test-password-1',
      roleId: role.json().id,
    });
    const helper = await t.login(email);
    const joined = await createEvent(rep1, { name: '助手参加的展会', participantIds: [user.json().id] });
    const other = await createEvent(rep1, { name: '助手未参加的展会' });
    const list = (await send('GET', '/api/sales-events?limit=200', helper)).json();
    expect(list.items.map((e: { id: string }) => e.id)).toEqual([joined.id]);
    expect((await send('GET', `/api/sales-events/${other.id}`, helper)).statusCode).toBe(404);
    expect((await send('GET', `/api/sales-events/${other.id}/report`, helper)).statusCode).toBe(404);
    expect((await send('GET', `/api/sales-events/${joined.id}/shifts`, helper)).statusCode).toBe(200);
    // Taking part lets them tick the checklist and capture leads, not change the event.
    expect((await send('PUT', `/api/sales-events/${joined.id}/checklist`, helper, { items: [] })).statusCode).toBe(200);
    expect((await send('PATCH', `/api/sales-events/${joined.id}`, helper, { name: 'x' })).statusCode).toBe(403);
    expect((await send('GET', '/api/prospects', helper)).statusCode).toBe(200);
    expect(
      (
        await send('POST', '/api/prospects/assign', helper, {
          customerIds: [joined.id],
          userIds: [rep1.id],
          mode: 'manual',
        })
      ).statusCode,
    ).toBe(403);
  });

  describe('participants, duty roster and checklist', () => {
    it('keeps the roster within the event, to participants, without overlapping shifts of one person', async () => {
      const event = await createEvent(rep1, { name: '排班展会', participantIds: [rep1.id, rep2.id] });
      const roster = (shifts: unknown[], version: number) =>
        send('PUT', `/api/sales-events/${event.id}/shifts`, rep1, { shifts }, version);
      const shift = (user: User, from: number, to: number, note?: string) => ({
        userId: user.id,
        startsAt: at(from),
        endsAt: at(to),
        note,
      });

      const outside = await roster([shift(rep1, -1, 2)], 1);
      expect(fieldErrors(outside)).toEqual(['shifts.0.startsAt:sales_event.shift_outside_event']);
      const stranger = await roster([shift(westRep, 0, 2)], 1);
      expect(fieldErrors(stranger)).toEqual(['shifts.0.userId:sales_event.shift_not_participant']);
      const overlap = await roster([shift(rep1, 0, 4), shift(rep2, 0, 4), shift(rep1, 3, 6)], 1);
      expect(fieldErrors(overlap)).toEqual(['shifts.2.startsAt:sales_event.shift_overlap']);

      const saved = await roster([shift(rep1, 0, 4, '上午'), shift(rep2, 0, 4), shift(rep1, 4, 8, '下午')], 1);
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.headers.etag).toBe('"2"');
      expect(saved.json().items).toHaveLength(3);
      expect(saved.json().items[0]).toMatchObject({ userName: expect.any(String), startsAt: at(0) });
      expect((await roster([], 1)).statusCode).toBe(412);
      const read = (await send('GET', `/api/sales-events/${event.id}/shifts`, westRep)).json();
      expect(read).toMatchObject({ version: 2 });
      expect(read.items.map((s: { note: string | null }) => s.note).sort()).toEqual([null, '上午', '下午'].sort());

      // The event cannot shrink away from its shifts.
      const shrink = await send('PATCH', `/api/sales-events/${event.id}`, rep1, { endsAt: at(6) }, 2);
      expect(fieldErrors(shrink)).toEqual(['endsAt:sales_event.shifts_outside_event']);

      // Someone leaving the event leaves the roster.
      const unknown = await send(
        'PUT',
        `/api/sales-events/${event.id}/participants`,
        rep1,
        { userIds: [rep1.id, '00000000-0000-7000-8000-000000000000'] },
        2,
      );
      expect(fieldErrors(unknown)).toEqual(['userIds.1:reference.invalid']);
      const left = await send('PUT', `/api/sales-events/${event.id}/participants`, rep1, { userIds: [rep1.id] }, 2);
      expect(left.statusCode, left.body).toBe(200);
      expect(left.json().participants).toEqual([{ id: rep1.id, name: '李一' }]);
      const after = (await send('GET', `/api/sales-events/${event.id}/shifts`, rep1)).json();
      expect(after.version).toBe(3);
      expect(after.items.map((s: { userId: string }) => s.userId)).toEqual([rep1.id, rep1.id]);
    });

    it('ticks checklist items with who and when, guarded by the version; participants may tick', async () => {
      const event = await createEvent(rep1, { name: '清单展会', participantIds: [rep1.id, rep2.id] });
      const save = (as: Session, items: unknown[], version: number) =>
        send('PUT', `/api/sales-events/${event.id}/checklist`, as, { items }, version);
      const added = await save(rep1, [{ text: '预订展位' }, { text: '印刷宣传册' }, { text: '准备样品' }], 1);
      expect(added.statusCode, added.body).toBe(200);
      const [booth, brochures, samples] = added.json().checklist;
      expect(booth).toMatchObject({ text: '预订展位', done: false, doneBy: null, doneAt: null });

      const ticked = await save(
        rep2,
        [
          { id: booth.id, text: booth.text, done: true },
          { id: brochures.id, text: brochures.text },
          { id: samples.id, text: samples.text },
        ],
        2,
      );
      expect(ticked.statusCode, ticked.body).toBe(200);
      const tickedBooth = ticked.json().checklist[0];
      expect(tickedBooth).toMatchObject({ done: true, doneBy: rep2.id, doneByName: '张二' });
      expect(Date.parse(tickedBooth.doneAt)).not.toBeNaN();

      // A second tick from a stale page loses; the first tick stays with who made it.
      const late = await save(rep1, [{ id: booth.id, text: booth.text, done: true }], 2);
      expect(late.statusCode).toBe(412);
      const removed = await save(
        rep1,
        [
          { id: booth.id, text: booth.text, done: true },
          { id: samples.id, text: samples.text },
        ],
        3,
      );
      expect(removed.json().checklist.map((i: { text: string }) => i.text)).toEqual(['预订展位', '准备样品']);
      expect(removed.json().checklist[0]).toMatchObject({ doneBy: rep2.id, doneAt: tickedBooth.doneAt });

      const gone = await save(rep1, [{ id: brochures.id, text: brochures.text }], 4);
      expect(fieldErrors(gone)).toEqual(['items.0.id:sales_event.checklist_item_unknown']);
      const unticked = await save(rep1, [{ id: booth.id, text: booth.text, done: false }], 4);
      expect(unticked.json().checklist[0]).toMatchObject({ done: false, doneBy: null, doneAt: null });
      // Neither a participant nor allowed to edit: no ticking.
      expect((await save(westRep, [], 5)).statusCode).toBe(403);
    });
  });

  describe('reminders', () => {
    const remindersOf = async (eventId: string) =>
      (await notificationsOf(t, { orgId, kind: 'sales_event.reminder', subjectId: eventId })).map((n) => ({
        userId: n.userId,
      }));

    it('reminds every participant once a day ahead, again after the event moved, safely when run twice at once', async () => {
      const starts = base + 1000 * hour;
      const event = await createEvent(rep1, {
        name: '提醒测试展会',
        startsAt: new Date(starts).toISOString(),
        endsAt: new Date(starts + 8 * hour).toISOString(),
        place: '深圳会展中心',
        participantIds: [rep1.id, rep2.id],
      });
      const now = (hoursBefore: number) => new Date(starts - hoursBefore * hour);
      const mailsBefore = (await t.db.select().from(outbox)).length;

      await runSalesEventReminders(t.db, 24, fixedClock(now(30)));
      expect(await remindersOf(event.id)).toHaveLength(0);
      await Promise.all([
        runSalesEventReminders(t.db, 24, fixedClock(now(23))),
        runSalesEventReminders(t.db, 24, fixedClock(now(23))),
      ]);
      expect((await remindersOf(event.id)).map((n) => n.userId).sort()).toEqual([rep1.id, rep2.id].sort());
      await runSalesEventReminders(t.db, 24, fixedClock(now(2)));
      expect(await remindersOf(event.id)).toHaveLength(2);
      const mails = (await t.db.select().from(outbox)).slice(mailsBefore);
      expect(mails.filter((m) => JSON.stringify(m).includes('提醒测试展会'))).toHaveLength(2);

      const read = (await send('GET', `/api/sales-events/${event.id}`, rep1)).json();
      expect(read.remindedAt).toBe(now(23).toISOString());
      const moved = await send(
        'PATCH',
        `/api/sales-events/${event.id}`,
        rep1,
        { startsAt: new Date(starts + 48 * hour).toISOString(), endsAt: new Date(starts + 56 * hour).toISOString() },
        read.version,
      );
      expect(moved.json().remindedAt).toBeNull();
      await runSalesEventReminders(t.db, 24, fixedClock(now(2)));
      expect(await remindersOf(event.id)).toHaveLength(2);
      await Promise.all([
        runSalesEventReminders(t.db, 24, fixedClock(now(-30))),
        runSalesEventReminders(t.db, 24, fixedClock(now(-30))),
      ]);
      expect(await remindersOf(event.id)).toHaveLength(4);
      // A shorter configured lead time reminds later.
      const soon = await createEvent(rep1, {
        name: '短提醒',
        startsAt: new Date(starts + 2000 * hour).toISOString(),
        endsAt: new Date(starts + 2001 * hour).toISOString(),
        participantIds: [rep2.id],
      });
      await runSalesEventReminders(t.db, 3, fixedClock(new Date(starts + 1996 * hour)));
      expect(await remindersOf(soon.id)).toHaveLength(0);
      await runSalesEventReminders(t.db, 3, fixedClock(new Date(starts + 1998 * hour)));
      expect(await remindersOf(soon.id)).toHaveLength(1);
    });
  });

  describe('lead capture', () => {
    let event: { id: string; version: number };
    const capture = (as: Session, body: Record<string, unknown>, id = event.id) =>
      send('POST', `/api/sales-events/${id}/leads`, as, body);

    beforeAll(async () => {
      event = await createEvent(rep1, { name: '2031 宁波航运展', participantIds: [rep1.id, rep2.id, marketing.id] });
    });

    it('finds a known company by normalised name or credit code instead of creating it again', async () => {
      const known = await send('POST', '/api/customers', admin, {
        name: '宁波远航国际物流有限公司',
        creditCode: '91350100M000100Y43',
        ownerId: westRep.id,
        teamId: west,
        status: 'active',
      });
      expect(known.statusCode, known.body).toBe(201);
      const byName = await capture(admin, {
        companyName: '寧波遠航國際物流',
        contactName: '周先生',
        phone: '13900001111',
      });
      expect(byName.statusCode, byName.body).toBe(201);
      expect(byName.json()).toMatchObject({
        customerId: known.json().id,
        existingCustomer: true,
        customerStatus: 'active',
        customerOwnerName: null,
        contactName: '周先生',
        handedOver: false,
        capturedBy: admin.id,
      });
      const byCode = await capture(admin, { companyName: '远航物流（宁波）', creditCode: '91350100M000100Y43' });
      expect(byCode.json()).toMatchObject({ customerId: known.json().id, existingCustomer: true, contactId: null });
      const again = await capture(admin, { companyName: '宁波远航国际物流有限公司', contactName: '周先生' });
      expect(again.json()).toMatchObject({ contactId: byName.json().contactId });

      const sameKey = await t.db
        .select({ id: customers.id })
        .from(customers)
        .where(
          and(
            eq(customers.orgId, orgId),
            eq(customers.nameKey, sql`(select name_key from customers where id = ${known.json().id})`),
          ),
        );
      expect(sameKey).toHaveLength(1);
      // The owner's customer is untouched; the lead is on its timeline.
      const customer = (await send('GET', `/api/customers/${known.json().id}`, admin)).json();
      expect(customer).toMatchObject({ ownerId: westRep.id, status: 'active', version: 1 });
      const timeline = (await send('GET', `/api/customers/${known.json().id}/timeline`, westRep)).json();
      const leads = timeline.items.filter((e: { kind: string }) => e.kind === 'event_lead');
      expect(leads).toHaveLength(3);
      expect(leads[0]).toMatchObject({ action: 'create', entity: 'sales_event_leads', actorName: 'Admin' });
      expect(leads[0].meta).toMatchObject({ event: '2031 宁波航运展', eventId: event.id, existingCustomer: true });
    });

    it("hands a lead for a colleague's customer to its owner, writing nothing to that customer", async () => {
      const known = (
        await send('POST', '/api/customers', admin, {
          name: '宁波东港船务有限公司',
          creditCode: '91330200MA2A11111G',
          ownerId: westRep.id,
          teamId: west,
          status: 'active',
        })
      ).json();
      const lead = await capture(rep1, {
        companyName: '宁波东港船务',
        contactName: '吴先生',
        phone: '13900002222',
        email: 'wu@donggang.cn',
        lane: { pol: 'CNNGB', pod: 'DEHAM', mode: 'FCL' },
        message: '每周 5 个柜',
        note: '展位 3 号',
      });
      expect(lead.statusCode, lead.body).toBe(201);
      // The rep learns that the company exists and whose it is, and that the lead went there.
      expect(lead.json()).toMatchObject({
        customerId: null,
        customerCode: null,
        customerStatus: null,
        customerName: '宁波东港船务有限公司',
        customerOwnerName: '陈西',
        existingCustomer: true,
        contactId: null,
        contactName: null,
        inquiryId: null,
        opportunityId: null,
        note: '展位 3 号',
        handedOver: true,
        handedToName: '陈西',
        handover: {
          contactName: '吴先生',
          phone: '+86139****2222',
          email: 'w***@donggang.cn',
          lane: { pol: 'CNNGB', pod: 'DEHAM', mode: 'fcl' },
          message: '每周 5 个柜',
        },
      });
      const byCode = await capture(manager, { companyName: '东港', creditCode: '91330200MA2A11111G' });
      expect(byCode.json()).toMatchObject({ customerId: null, handedOver: true, customerOwnerName: '陈西' });

      // Nothing was written to the customer: no contact, no inquiry, no change.
      expect((await send('GET', `/api/customers/${known.id}/contacts`, admin)).json().items).toEqual([]);
      expect((await send('GET', `/api/inquiries?customerId=${known.id}`, admin)).json().items).toEqual([]);
      expect((await send('GET', `/api/customers/${known.id}`, admin)).json().version).toBe(1);

      // The owner is told and sees the lead in full, with what was entered.
      const told = (await notificationsOf(t, { userId: westRep.id, kind: 'sales_event.lead_handed_over' })).map(
        (n) => ({ params: n.params, subjectId: n.subjectId }),
      );
      expect(told).toEqual([
        {
          params: expect.objectContaining({ capturedBy: '李一', customer: '宁波东港船务有限公司' }),
          subjectId: event.id,
        },
        expect.objectContaining({ subjectId: event.id }),
      ]);
      const forOwner = (await send('GET', `/api/sales-events/${event.id}/leads?limit=200`, westRep)).json().items;
      expect(forOwner.find((l: { id: string }) => l.id === lead.json().id)).toMatchObject({
        customerId: known.id,
        customerOwnerName: null,
        note: '展位 3 号',
        handover: { phone: '+8613900002222', email: 'wu@donggang.cn' },
      });

      // Another colleague who may not read the customer sees the name and owner, not the lead's details.
      const forOther = (await send('GET', `/api/sales-events/${event.id}/leads?limit=200`, rep2)).json().items;
      const seen = forOther.find((l: { id: string }) => l.id === lead.json().id);
      expect(seen).toMatchObject({ customerId: null, customerOwnerName: '陈西', note: null, handover: null });
      const earlier = forOther.filter((l: { customerName: string }) => l.customerName === '宁波远航国际物流有限公司');
      expect(earlier.length).toBeGreaterThan(0);
      for (const other of earlier) {
        expect(other).toMatchObject({ customerId: null, customerCode: null, contactId: null, contactName: null });
      }
    });

    it('creates a prospect owned by a capturing rep, unassigned when marketing captures it', async () => {
      const byRep = await capture(rep1, {
        companyName: 'Haiphong Sunrise Trading Co., Ltd.',
        country: 'vn',
        contactName: 'Nguyen Van An',
        email: 'an@sunrise-trading.vn',
        note: '对越南海运专线感兴趣',
      });
      expect(byRep.statusCode, byRep.body).toBe(201);
      expect(byRep.json()).toMatchObject({
        existingCustomer: false,
        customerStatus: 'prospect',
        note: '对越南海运专线感兴趣',
      });
      const prospect = (await send('GET', `/api/customers/${byRep.json().customerId}`, rep1)).json();
      expect(prospect).toMatchObject({ status: 'prospect', ownerId: rep1.id, teamId: east, country: 'VN' });
      // Owned since it was captured and protected, as any new customer of its owner (the demo's leads too).
      const clocks = (await send('GET', `/api/customers/${prospect.id}/ownership`, rep1)).json();
      expect(clocks.ownerSince).not.toBeNull();
      expect(Date.parse(clocks.protectedUntil) - Date.parse(clocks.ownerSince)).toBeGreaterThanOrEqual(86_400_000);
      const contacts = (await send('GET', `/api/customers/${prospect.id}/contacts`, rep1)).json().items;
      expect(contacts).toEqual([
        expect.objectContaining({ name: 'Nguyen Van An', emails: ['an@sunrise-trading.vn'], isPrimary: true }),
      ]);

      const byMarketing = await capture(marketing, { companyName: '青岛启航进出口有限公司', phone: '0532-80001234' });
      expect(byMarketing.statusCode, byMarketing.body).toBe(201);
      const [row] = await t.db.select().from(customers).where(eq(customers.id, byMarketing.json().customerId));
      expect(row).toMatchObject({ status: 'prospect', ownerId: null, teamId: null, phone: '+8653280001234' });

      // Someone who neither takes part nor may edit the event captures nothing there.
      const outsider = await capture(westRep, { companyName: '不该创建的公司' });
      expect(outsider.statusCode).toBe(403);
      expect(await t.db.select().from(customers).where(eq(customers.name, '不该创建的公司'))).toHaveLength(0);
      const invalid = await capture(rep1, {
        companyName: '坏数据公司',
        email: 'not-an-email',
        lane: { pol: 'XX', pod: 'USLAX', mode: 'fcl' },
      });
      expect(invalid.statusCode).toBe(422);
      expect(fieldErrors(invalid).sort()).toEqual([
        'email:customer.email_invalid',
        'lane.pol:customer.unlocode_invalid',
      ]);
    });

    it('creates a company captured twice at the same moment only once', async () => {
      const results = await Promise.all(
        [rep1, rep2, marketing, rep1].map((who) => capture(who, { companyName: '同时登记的新公司有限公司' })),
      );
      expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
      expect(results.filter((r) => !r.json().existingCustomer)).toHaveLength(1);
      const created = await t.db.select().from(customers).where(eq(customers.name, '同时登记的新公司有限公司'));
      expect(created).toHaveLength(1);
      // Whoever may not read the company the first one created hands their lead to its owner.
      for (const result of results) {
        expect(result.json().customerId ?? created[0]?.id).toBe(created[0]?.id);
      }
    });

    it('opens an inquiry and an opportunity attributed to the event when a lane is named', async () => {
      const lead = await capture(rep2, {
        companyName: '厦门海晨贸易有限公司',
        contactName: '林小姐',
        lane: { pol: 'CNXMN', pod: 'USLAX', mode: 'FCL' },
        message: '每月 20 个 40HQ',
      });
      expect(lead.statusCode, lead.body).toBe(201);
      expect(lead.json().inquiryId).toEqual(expect.any(String));
      expect(lead.json().opportunityId).toEqual(expect.any(String));
      const opportunity = (await send('GET', `/api/opportunities/${lead.json().opportunityId}`, admin)).json();
      expect(opportunity).toMatchObject({
        customerId: lead.json().customerId,
        source: 'event',
        salesEventId: event.id,
        ownerId: rep2.id,
      });
      const inquiries = (await send('GET', `/api/inquiries?salesEventId=${event.id}`, admin)).json().items;
      expect(inquiries).toEqual([
        expect.objectContaining({ channel: 'event', pol: 'CNXMN', pod: 'USLAX', mode: 'fcl' }),
      ]);

      const list = (await send('GET', `/api/sales-events/${event.id}/leads`, westRep)).json();
      expect(list.items[0]).toMatchObject({ id: lead.json().id, customerName: '厦门海晨贸易有限公司' });
      const paged = (await send('GET', `/api/sales-events/${event.id}/leads?limit=2`, westRep)).json();
      const rest = (
        await send('GET', `/api/sales-events/${event.id}/leads?limit=200&cursor=${paged.nextCursor}`, westRep)
      ).json();
      expect([...paged.items, ...rest.items].map((l: { id: string }) => l.id)).toEqual(
        list.items.map((l: { id: string }) => l.id),
      );
      expect((await send('GET', `/api/sales-events/${event.id}`, rep1)).json().leadCount).toBe(list.items.length);
      // An event with leads keeps them attributed: it cannot be deleted.
      const current = (await send('GET', `/api/sales-events/${event.id}`, rep1)).json();
      const remove = await send('DELETE', `/api/sales-events/${event.id}`, admin, undefined, current.version);
      expect(remove.statusCode).toBe(409);
      expect(remove.json().code).toBe('sales_event.has_leads');
    });
  });

  describe('event report', () => {
    it('reports the leads of an event and the revenue of the one won opportunity attributed to it', async () => {
      const event = await createEvent(manager, {
        name: '2031 广州物流博览会',
        cost: { amount: 9000, currency: 'CNY' },
        participantIds: [rep1.id, rep2.id],
      });
      const roster = await send(
        'PUT',
        `/api/sales-events/${event.id}/shifts`,
        manager,
        {
          shifts: [
            { userId: rep1.id, startsAt: at(0), endsAt: at(4) },
            { userId: rep2.id, startsAt: at(4), endsAt: at(8) },
          ],
        },
        1,
      );
      expect(roster.statusCode, roster.body).toBe(200);
      const leads = [];
      for (const body of [
        { companyName: '广州南沙远景物流有限公司', lane: { pol: 'CNNSA', pod: 'DEHAM', mode: 'fcl' } },
        { companyName: '佛山美居家具出口有限公司', lane: { pol: 'CNNSA', pod: 'GBFXT', mode: 'lcl' } },
        { companyName: '东莞精工电子有限公司', contactName: '黄工' },
      ]) {
        const res = await send('POST', `/api/sales-events/${event.id}/leads`, rep1, body);
        expect(res.statusCode, res.body).toBe(201);
        leads.push(res.json());
      }
      const won = (await send('GET', `/api/opportunities/${leads[0].opportunityId}`, admin)).json();
      const winning = await send(
        'PATCH',
        `/api/opportunities/${won.id}`,
        admin,
        { expectedRevenue: { amount: '120000', currency: 'USD' }, stage: 'won' },
        won.version,
      );
      expect(winning.statusCode, winning.body).toBe(200);
      // The other opportunity is still open: its expected revenue is not won revenue.
      const open = (await send('GET', `/api/opportunities/${leads[1].opportunityId}`, admin)).json();
      const priced = await send(
        'PATCH',
        `/api/opportunities/${open.id}`,
        admin,
        { expectedRevenue: { amount: '50000', currency: 'EUR' } },
        open.version,
      );
      expect(priced.statusCode, priced.body).toBe(200);

      const report = await send('GET', `/api/sales-events/${event.id}/report`, manager);
      expect(report.statusCode, report.body).toBe(200);
      expect(report.json()).toEqual({
        eventId: event.id,
        leads: 3,
        newProspects: 3,
        inquiries: 2,
        opportunities: 2,
        openOpportunities: 1,
        wonOpportunities: 1,
        lostOpportunities: 0,
        wonRevenue: [{ amount: '120000.00', currency: 'USD' }],
        cost: { amount: '9000.00', currency: 'CNY' },
        costPerLead: { amount: '3000.00', currency: 'CNY' },
      });
      // A rep sees the revenue of their own opportunities only; a role without the revenue right none at all.
      const masked = (await send('GET', `/api/sales-events/${event.id}/report`, rep1)).json();
      expect(masked).toMatchObject({ leads: 3, wonOpportunities: 1 });
      expect(masked.wonRevenue).toEqual(won.ownerId === rep1.id ? [{ amount: '120000.00', currency: 'USD' }] : []);
      expect((await send('GET', `/api/sales-events/${event.id}/report`, marketing)).json().wonRevenue).toBeNull();
    });
  });

  describe('prospects', () => {
    const prospect = async (name: string, country: string, owner: User | null = null, teamId: string | null = null) =>
      (
        await make.customer({
          name,
          country,
          status: 'prospect',
          ownerId: owner?.id ?? null,
          teamId: owner ? (teamId ?? east) : teamId,
        })
      ).id;

    it('lists prospects within scope with filters, unassigned ones for those who may assign', async () => {
      const mine = await prospect('李一的潜在客户', 'DE', rep1);
      const open = await prospect('无人跟进的潜在客户', 'DE');
      const westOpen = await prospect('华南待分配潜在客户', 'DE', null, west);
      const ids = (body: { items: { id: string }[] }) => body.items.map((p) => p.id);

      const forRep = (await send('GET', '/api/prospects?country=DE', rep1)).json();
      expect(ids(forRep)).toEqual([mine]);
      const forManager = (await send('GET', '/api/prospects?country=DE', manager)).json();
      expect(ids(forManager)).toEqual([open, mine]);
      expect(forManager.items[1]).toMatchObject({ ownerName: '李一', country: 'DE' });
      const unassigned = (await send('GET', '/api/prospects?country=DE&unassigned=true', admin)).json();
      expect(ids(unassigned)).toEqual([westOpen, open]);
      const byOwner = (await send('GET', `/api/prospects?ownerId=${rep1.id}&country=DE`, admin)).json();
      expect(ids(byOwner)).toEqual([mine]);

      const event = await createEvent(marketing, { name: '来源活动', participantIds: [marketing.id] });
      const lead = (
        await send('POST', `/api/sales-events/${event.id}/leads`, marketing, {
          companyName: '来源活动潜客',
          country: 'DE',
        })
      ).json();
      const fromEvent = (await send('GET', `/api/prospects?salesEventId=${event.id}`, manager)).json();
      expect(fromEvent.items).toEqual([
        expect.objectContaining({
          id: lead.customerId,
          sourceEvent: { id: event.id, name: '来源活动' },
          ownerId: null,
        }),
      ]);
      expect((await send('GET', '/api/prospects?unassigned=yes', admin)).statusCode).toBe(400);
    });

    it('spreads prospects round robin by country over reps in one transaction, logged as assignments', async () => {
      const countries = ['US', 'US', 'US', 'JP', 'JP', 'BR'];
      const ids: string[] = [];
      for (const [i, country] of countries.entries()) ids.push(await prospect(`轮询潜客 ${i}`, country));
      const res = await send('POST', '/api/prospects/assign', manager, {
        customerIds: ids,
        userIds: [rep1.id, rep2.id],
        mode: 'round_robin',
        by: 'country',
        reason: '展会线索分配',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().count).toBe(6);
      const owners = await t.db
        .select({ id: customers.id, ownerId: customers.ownerId, teamId: customers.teamId, country: customers.country })
        .from(customers)
        .where(
          sql`${customers.id} in (${sql.join(
            ids.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`,
        );
      const count = (rep: User) => owners.filter((o) => o.ownerId === rep.id).length;
      expect([count(rep1), count(rep2)]).toEqual([3, 3]);
      expect(owners.every((o) => o.teamId === east)).toBe(true);
      for (const country of ['US', 'JP']) {
        expect(new Set(owners.filter((o) => o.country === country).map((o) => o.ownerId)).size, country).toBe(1);
      }
      const log = await t.db
        .select()
        .from(ownershipChanges)
        .where(and(eq(ownershipChanges.orgId, orgId), eq(ownershipChanges.kind, 'assign')));
      expect(log.filter((c) => ids.includes(c.customerId))).toHaveLength(6);
      const timeline = (await send('GET', `/api/customers/${ids[0]}/timeline`, manager)).json();
      expect(timeline.items[0]).toMatchObject({
        kind: 'ownership',
        action: 'assign',
        meta: { reason: '展会线索分配' },
      });
      const notes = await notificationsOf(t, { orgId: orgId, kind: 'prospects.assigned' });
      expect(notes.map((n) => [n.userId, n.params.count]).sort()).toEqual(
        [
          [rep1.id, 3],
          [rep2.id, 3],
        ].sort(),
      );
    });

    it('assigns by hand to one rep, and refuses reps and prospects outside the scope without changing anything', async () => {
      const a = await prospect('手动分配甲', 'CN');
      const b = await prospect('手动分配乙', 'CN');
      const foreign = await prospect('华南客户的潜客', 'CN', westRep, west);
      const assign = (as: Session, body: Record<string, unknown>) => send('POST', '/api/prospects/assign', as, body);

      const twoReps = await assign(manager, { customerIds: [a], userIds: [rep1.id, rep2.id], mode: 'manual' });
      expect(fieldErrors(twoReps)).toEqual(['userIds:prospect.manual_needs_one_user']);
      const westward = await assign(manager, { customerIds: [a], userIds: [westRep.id], mode: 'manual' });
      expect(fieldErrors(westward)).toEqual(['userIds.0:customer.owner_outside_scope']);
      const outOfScope = await assign(manager, { customerIds: [a, foreign], userIds: [rep2.id], mode: 'manual' });
      expect(fieldErrors(outOfScope)).toEqual(['customerIds.1:prospect.not_assignable']);
      expect((await assign(rep1, { customerIds: [a], userIds: [rep1.id], mode: 'manual' })).statusCode).toBe(403);
      const [untouched] = await t.db.select().from(customers).where(eq(customers.id, a));
      expect(untouched).toMatchObject({ ownerId: null, version: 1 });

      const done = await assign(manager, { customerIds: [a, b], userIds: [rep2.id], mode: 'manual' });
      expect(done.json()).toEqual({
        count: 2,
        assignments: [
          { customerId: a, ownerId: rep2.id },
          { customerId: b, ownerId: rep2.id },
        ],
      });
      const again = await assign(manager, { customerIds: [a], userIds: [rep2.id], mode: 'manual' });
      expect(again.json().count).toBe(0);
      const active = await send('POST', '/api/customers', admin, {
        name: '已成交客户',
        status: 'active',
        ownerId: null,
      });
      const notProspect = await assign(admin, { customerIds: [active.json().id], userIds: [rep1.id], mode: 'manual' });
      expect(fieldErrors(notProspect)).toEqual(['customerIds.0:prospect.not_assignable']);
    });
  });

  describe('demo data', () => {
    it('has two past events with leads and one upcoming event being prepared', async () => {
      await loadDemoSalesEvents(t.db, { orgId, adminId: admin.id }, [
        { id: manager.id, teamId: east },
        { id: rep1.id, teamId: east },
        { id: rep2.id, teamId: east },
      ]);
      const names = ['中国国际物流与供应链博览会', '中欧班列服务推介会', '亚洲物流双年展'];
      const all = (await send('GET', '/api/sales-events?limit=200', manager)).json().items as {
        id: string;
        name: string;
        endsAt: string;
        leadCount: number;
        participants: unknown[];
      }[];
      const demo = all.filter((e) => names.includes(e.name));
      const past = demo.filter((e) => Date.parse(e.endsAt) < Date.now());
      expect(past.map((e) => e.leadCount).sort()).toEqual([2, 3]);
      const upcoming = demo.filter((e) => Date.parse(e.endsAt) >= Date.now());
      expect(upcoming).toHaveLength(1);
      expect(upcoming[0]?.participants).toHaveLength(3);
      const report = (
        await send('GET', `/api/sales-events/${past.find((e) => e.leadCount === 3)?.id}/report`, manager)
      ).json();
      expect(report).toMatchObject({ leads: 3, newProspects: 3, inquiries: 2, opportunities: 2 });
    });
  });
});
