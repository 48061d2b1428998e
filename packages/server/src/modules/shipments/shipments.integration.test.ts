import { fixedClock } from '@berth/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';
import { notificationsOf, runJob } from '../../../test/storage';
import { queryRows } from '../../db/database';

type User = Session & { id: string };

/** Valid ISO 6346 numbers (check digit included). */
const boxes = ['CSQU3054383', 'BICU1234565', 'MSCU1234566'];

describe('shipments: the feed, tracking events, parties and scope', () => {
  let t: TestApp;
  let admin: Session;
  let ops: User;
  let repA: User;
  let repB: User;
  let customerA: string;
  let customerB: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.setup('航运追踪货代 Tracking Forwarding');
    ops = await t.userWithRole(admin, 'operations', { name: '操作小王' });
    repA = await t.userWithRole(admin, 'sales_rep', { name: '销售甲' });
    repB = await t.userWithRole(admin, 'sales_rep', { name: '销售乙' });
    const customer = async (name: string, owner: User) => {
      const res = await t.request('POST', '/api/customers', {
        as: admin,
        body: { name, ownerId: owner.id, status: 'active' },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; code: string };
    };
    customerA = (await customer('宁波海曙进出口有限公司', repA)).id;
    customerB = (await customer('深圳前海电子有限公司', repB)).id;
  });
  afterAll(() => t.close());

  const batch = (items: object[], as: Session = ops) =>
    t.request('POST', '/api/shipments/batch', { as, body: { items } });
  const events = (list: object[], as: Session = ops) =>
    t.request('POST', '/api/shipments/events', { as, body: { events: list } });
  const shipment = (externalId: string, extra: object = {}) => ({
    source: 'tms',
    externalId,
    mode: 'FCL',
    pol: 'CNNGB',
    pod: 'DEHAM',
    etd: '2026-12-01T10:00:00+08:00',
    eta: '2026-12-30T08:00:00+01:00',
    containers: [{ number: boxes[0], type: '40HC' }],
    revenue: { amount: '2500.00', currency: 'USD' },
    cost: { amount: 15000, currency: 'CNY' },
    parties: [{ role: 'shipper', customerId: customerA }],
    ...extra,
  });

  it('a batch with one bad container number creates the others and names the bad item’s field', async () => {
    const res = await batch([
      shipment('JOB-1'),
      shipment('JOB-2', { containers: [{ number: 'CSQU3054384', type: '40GP' }] }),
      shipment('JOB-3', {
        containers: [
          { number: boxes[1], type: '20GP' },
          { number: boxes[2], type: '45HQ' },
        ],
      }),
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items;
    expect(items.map((i: { status: string }) => i.status)).toEqual(['created', 'error', 'created']);
    expect(items[1]).toMatchObject({
      externalId: 'JOB-2',
      errors: [{ field: 'containers.0.number', code: 'shipment.container_check_digit' }],
    });
    expect(items[1].errors[0].message).toContain('校验码');
    // Operations keep the jobs' receivables and payables: they see revenue and cost, as the administrator does.
    const three = await t.request('GET', `/api/shipments/${items[2].id}`, { as: admin });
    expect((await t.request('GET', `/api/shipments/${items[2].id}`, { as: ops })).json()).toMatchObject({
      revenue: { amount: '2500.00', currency: 'USD' },
      cost: { amount: '15000.00', currency: 'CNY' },
    });
    expect(three.json()).toMatchObject({
      status: 'booked',
      teu: 3.25,
      customerId: customerA,
      containers: [
        { number: boxes[1], type: '20GP' },
        { number: boxes[2], type: '45HQ' },
      ],
      revenue: { amount: '2500.00', currency: 'USD' },
      cost: { amount: '15000.00', currency: 'CNY' },
      parties: [{ role: 'shipper', customerId: customerA, match: 'matched' }],
    });
    expect(three.headers.etag).toBe(`"${three.json().version}"`);
  });

  it('re-sending the same items changes nothing; a changed item is updated', async () => {
    const again = await batch([shipment('JOB-1'), shipment('JOB-3', { vessel: 'EVER GIVEN' })]);
    expect(again.json().items.map((i: { status: string }) => i.status)).toEqual(['unchanged', 'updated']);
    const same = await batch([shipment('JOB-1')]);
    expect(same.json().items[0].status).toBe('unchanged');
    const twice = await batch([shipment('JOB-9'), shipment('JOB-9')]);
    expect(twice.json().items.map((i: { status: string }) => i.status)).toEqual(['created', 'error']);
    expect(twice.json().items[1].errors[0]).toMatchObject({
      field: 'externalId',
      code: 'shipment.external_id_repeated',
    });
  });

  it('creating by hand with a taken source and external id is refused and leaves the existing shipment as it was', async () => {
    const resent = (await batch([shipment('JOB-3', { vessel: 'EVER GIVEN' })])).json().items[0];
    expect(resent).toMatchObject({ status: 'unchanged', id: expect.any(String) });
    const existing = resent as { id: string };
    const original = (await t.request('GET', `/api/shipments/${existing.id}`, { as: ops })).json();
    const res = await t.request('POST', '/api/shipments', {
      as: ops,
      body: shipment('JOB-3', { vessel: 'MSC GULSUN', containers: [] }),
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().errors[0]).toMatchObject({ field: 'externalId', code: 'shipment.external_id_taken' });
    const after = (await t.request('GET', `/api/shipments/${existing.id}`, { as: ops })).json();
    expect(after).toEqual(original);
  });

  it('events arriving twice and out of order end in one state; a late older event never moves the status back', async () => {
    const created = await batch([shipment('JOB-EV', { parties: [{ role: 'shipper', customerId: customerA }] })]);
    const id = created.json().items[0].id;
    const list: object[] = [
      { eventId: 'e4', source: 'tms', externalId: 'JOB-EV', type: 'arrived', occurredAt: '2026-12-31T06:00:00Z' },
      { eventId: 'e1', source: 'tms', externalId: 'JOB-EV', type: 'loaded', occurredAt: '2026-12-01T01:00:00Z' },
      {
        eventId: 'e3',
        source: 'tms',
        externalId: 'JOB-EV',
        type: 'eta_changed',
        occurredAt: '2026-12-10T00:00:00Z',
        data: { eta: '2027-01-02T00:00:00Z' },
      },
      { eventId: 'e2', source: 'tms', externalId: 'JOB-EV', type: 'departed', occurredAt: '2026-12-01T12:00:00Z' },
    ];
    const [arrived, loaded, etaChanged, departed] = list as [object, object, object, object];
    const first = await events([arrived, loaded]);
    expect(first.json().items.map((i: { status: string }) => i.status)).toEqual(['applied', 'applied']);
    const second = await events([etaChanged, departed, arrived, loaded]);
    expect(second.json().items.map((i: { status: string }) => i.status)).toEqual([
      'applied',
      'applied',
      'duplicate',
      'duplicate',
    ]);
    const got = (await t.request('GET', `/api/shipments/${id}`, { as: ops })).json();
    expect(got).toMatchObject({
      status: 'arrived',
      eta: '2027-01-02T00:00:00.000Z',
      atd: '2026-12-01T12:00:00.000Z',
      ata: '2026-12-31T06:00:00.000Z',
      promisedEta: '2026-12-30T07:00:00.000Z',
    });
    const timeline = (await t.request('GET', `/api/shipments/${id}/events`, { as: ops })).json().items;
    expect(timeline.map((e: { eventId: string }) => e.eventId)).toEqual(['e1', 'e2', 'e3', 'e4']);
  });

  it('a batch of events the database gives up on (deadlock victim) runs again: stored once, applied, announced once', async () => {
    const created = await batch([shipment('JOB-RETRY')]);
    const id = created.json().items[0].id as string;
    // The first tracking update of a shipment after this point fails as a deadlock's victim would (40P01); a
    // sequence is not rolled back with the transaction, so the second attempt passes.
    await t.db.execute(sql`create sequence test_retry_once`);
    await t.db.execute(sql`create function test_retry_once() returns trigger language plpgsql as $$
      begin
        if nextval('test_retry_once') = 1 then
          raise exception 'deadlock detected (test)' using errcode = '40P01';
        end if;
        return new;
      end $$`);
    await t.db.execute(sql`create trigger test_retry_once before update on shipments
                             for each row execute function test_retry_once()`);
    try {
      const res = await events([
        {
          eventId: 'rt1',
          source: 'tms',
          externalId: 'JOB-RETRY',
          type: 'departed',
          occurredAt: '2026-12-01T12:00:00Z',
        },
        { eventId: 'rt2', source: 'tms', externalId: 'JOB-RETRY', type: 'rolled', occurredAt: '2026-12-01T08:00:00Z' },
        {
          eventId: 'rt1',
          source: 'tms',
          externalId: 'JOB-RETRY',
          type: 'departed',
          occurredAt: '2026-12-01T12:00:00Z',
        },
      ]);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().items.map((i: { status: string }) => i.status)).toEqual(['applied', 'applied', 'duplicate']);
      const tries = await queryRows<{ n: string }>(t.db, sql`select last_value::text as n from test_retry_once`);
      expect(Number(tries[0]?.n)).toBeGreaterThanOrEqual(2);
    } finally {
      await t.db.execute(sql`drop trigger test_retry_once on shipments`);
      await t.db.execute(sql`drop function test_retry_once()`);
      await t.db.execute(sql`drop sequence test_retry_once`);
    }
    expect((await t.request('GET', `/api/shipments/${id}`, { as: ops })).json()).toMatchObject({
      status: 'departed',
      atd: '2026-12-01T12:00:00.000Z',
    });
    const timeline = (await t.request('GET', `/api/shipments/${id}/events`, { as: ops })).json().items;
    expect(timeline.map((e: { eventId: string }) => e.eventId)).toEqual(['rt2', 'rt1']);
    const announced = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from jobs
           where name like 'event.%' and payload::text like '%"eventId": "rt2"%'`,
    );
    expect(announced[0]?.n).toBeGreaterThan(0);
    const announcedTwice = await queryRows<{ name: string; n: number }>(
      t.db,
      sql`select name, count(*)::int as n from jobs
           where name like 'event.%' and payload::text like '%"eventId": "rt2"%' group by name having count(*) > 1`,
    );
    expect(announcedTwice).toEqual([]);
  });

  it('an event that comes before its shipment waits and is applied when the shipment arrives', async () => {
    const early = await events([
      { eventId: 'x1', source: 'tms', externalId: 'JOB-LATE', type: 'departed', occurredAt: '2026-12-02T00:00:00Z' },
    ]);
    expect(early.json().items[0].status).toBe('pending');
    const created = await batch([shipment('JOB-LATE')]);
    const got = (await t.request('GET', `/api/shipments/${created.json().items[0].id}`, { as: ops })).json();
    expect(got).toMatchObject({ status: 'departed', atd: '2026-12-02T00:00:00.000Z' });
  });

  it('an ETA slip beyond the threshold tells the customer’s owner once', async () => {
    const created = await batch([shipment('JOB-SLIP')]);
    const id = created.json().items[0].id;
    const slip = {
      eventId: 's1',
      source: 'tms',
      externalId: 'JOB-SLIP',
      type: 'eta_changed',
      occurredAt: '2026-12-12T00:00:00Z',
      data: { eta: '2027-01-05T00:00:00Z' },
    };
    await events([slip]);
    await events([
      slip,
      { ...slip, eventId: 's2', occurredAt: '2026-12-13T00:00:00Z', data: { eta: '2027-01-06T00:00:00Z' } },
    ]);
    const rows = await notificationsOf(t, { userId: repA.id, kind: 'shipment.delayed' });
    expect(rows.filter((row) => row.subjectId === id)).toHaveLength(1);
    const got = (await t.request('GET', `/api/shipments/${id}`, { as: ops })).json();
    expect(got.eta).toBe('2027-01-06T00:00:00.000Z');
  });

  it('a departure or arrival overdue beyond the threshold tells the owner once; a later milestone or a lost box does not', async () => {
    const fed = await batch([
      shipment('JOB-LATE-DEP', { etd: '2027-03-01T10:00:00+08:00', eta: '2027-03-20T08:00:00+01:00' }),
      shipment('JOB-ON-TIME', { etd: '2027-03-01T10:00:00+08:00', eta: '2027-03-20T08:00:00+01:00' }),
      shipment('JOB-LOST', { etd: '2027-03-01T10:00:00+08:00', eta: '2027-03-20T08:00:00+01:00' }),
    ]);
    const [late, onTime, lost] = fed.json().items.map((i: { id: string }) => i.id) as [string, string, string];
    await events([
      {
        eventId: 'ot1',
        source: 'tms',
        externalId: 'JOB-ON-TIME',
        type: 'departed',
        occurredAt: '2027-03-01T03:00:00Z',
      },
      { eventId: 'lo1', source: 'tms', externalId: 'JOB-LOST', type: 'lost', occurredAt: '2027-03-01T01:00:00Z' },
    ]);
    const run = (at: string) => runJob(t, 'shipments.missed-milestones', fixedClock(new Date(at)));
    const told = async (id: string) =>
      (await notificationsOf(t, { userId: repA.id, kind: 'shipment.milestone_missed', subjectId: id })).map(
        (n) => (n.params as { milestone: string }).milestone,
      );
    // ETD 02:00 UTC; the threshold is 24 hours: not yet at 01:59 the next day, then once.
    await run('2027-03-02T01:59:00Z');
    expect(await told(late)).toEqual([]);
    await run('2027-03-02T02:01:00Z');
    await run('2027-03-02T05:00:00Z');
    expect(await told(late)).toEqual(['departed']);
    expect(await told(onTime)).toEqual([]);
    // ETA 07:00 UTC on the 20th: the departed one is now overdue for arrival, the late one too (told once more).
    await run('2027-03-21T08:00:00Z');
    expect(await told(onTime)).toEqual(['arrived']);
    expect(await told(late)).toEqual(['departed', 'arrived']);
    expect(await told(lost)).toEqual([]);
    // Weeks later a miss is stale data, not news: nothing new.
    await events([
      {
        eventId: 'lt1',
        source: 'tms',
        externalId: 'JOB-LATE-DEP',
        type: 'departed',
        occurredAt: '2027-03-05T00:00:00Z',
      },
    ]);
    await run('2027-05-01T00:00:00Z');
    expect(await told(late)).toEqual(['departed', 'arrived']);
    const [message] = await notificationsOf(t, { userId: repA.id, kind: 'shipment.milestone_missed', subjectId: late });
    expect(message?.params).toMatchObject({
      reference: 'JOB-LATE-DEP',
      milestone: 'departed',
      plannedAt: '2027-03-01T02:00:00.000Z',
    });
    // The customer's timeline shows what the owner was told, with the planned time.
    const timeline = await t.request('GET', `/api/customers/${customerA}/timeline`, { as: repA });
    expect(timeline.statusCode, timeline.body).toBe(200);
    const missed = (timeline.json().items as { entityId: string; action: string; meta: { promisedEta: string } }[])
      .filter((item) => item.entityId === late && item.action.startsWith('missed_'))
      .map((item) => [item.action, item.meta.promisedEta]);
    expect(missed).toEqual([
      ['missed_arrival', '2027-03-20T07:00:00.000Z'],
      ['missed_departure', '2027-03-01T02:00:00.000Z'],
    ]);
  });

  it('lists by ETA range as by ETD range, in the organisation’s calendar days', async () => {
    const fed = await batch([
      shipment('JOB-ETA-1', { pol: 'CNXMN', eta: '2027-02-01T15:59:00Z' }),
      shipment('JOB-ETA-2', { pol: 'CNXMN', eta: '2027-02-01T16:00:00Z' }),
    ]);
    const [first, second] = fed.json().items.map((item: { id: string }) => item.id);
    const list = async (query: string) =>
      (await t.request('GET', `/api/shipments?lane=CNXMN&${query}`, { as: ops }))
        .json()
        .items.map((item: { id: string }) => item.id);
    // 2027-02-01T16:00Z is already 2 February in UTC+8.
    expect(await list('etaTo=2027-02-01')).toEqual([first]);
    expect(await list('etaFrom=2027-02-02')).toEqual([second]);
    expect((await list('etaFrom=2027-02-01&etaTo=2027-02-02')).sort()).toEqual([first, second].sort());
  });

  it('an unmatched consignee is queued; linking it later updates every shipment that named it', async () => {
    const consignee = { role: 'consignee', name: 'Hamburg Import GmbH' };
    const res = await batch([
      shipment('JOB-C1', { parties: [{ role: 'shipper', customerId: customerA }, consignee] }),
      shipment('JOB-C2', { parties: [consignee] }),
    ]);
    const [c1, c2] = res.json().items.map((i: { id: string }) => i.id);
    const queue = (await t.request('GET', '/api/shipment-parties/unmatched', { as: ops })).json().items;
    const party = queue.find((p: { name: string }) => p.name === 'Hamburg Import GmbH');
    expect(party).toMatchObject({ status: 'open', roles: ['consignee'], shipments: 2 });
    expect((await t.request('GET', `/api/shipments/${c2}`, { as: ops })).json()).toMatchObject({
      customerId: null,
      parties: [{ role: 'consignee', customerId: null, name: 'Hamburg Import GmbH', match: 'unmatched' }],
    });
    // Rep A cannot see C2 (no customer yet); the consignee is linked to rep B's customer.
    expect((await t.request('GET', `/api/shipments/${c2}`, { as: repB })).statusCode).toBe(404);
    const linked = await t.request('POST', `/api/shipment-parties/unmatched/${party.id}/link`, {
      as: ops,
      body: { customerId: customerB },
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({ status: 'linked', customerId: customerB });
    const one = (await t.request('GET', `/api/shipments/${c1}`, { as: ops })).json();
    expect(one.customerId).toBe(customerA);
    expect(one.parties.find((p: { role: string }) => p.role === 'consignee')).toMatchObject({
      customerId: customerB,
      match: 'matched',
    });
    const two = (await t.request('GET', `/api/shipments/${c2}`, { as: repB })).json();
    expect(two).toMatchObject({ customerId: customerB, parties: [{ role: 'consignee', customerId: customerB }] });
    // The next feed naming the same party matches the linked customer directly.
    const next = await batch([shipment('JOB-C3', { parties: [consignee] })]);
    const three = (await t.request('GET', `/api/shipments/${next.json().items[0].id}`, { as: ops })).json();
    expect(three.customerId).toBe(customerB);
  });

  it('scope follows the customer: a rep outside it gets 404; lists and the customer’s shipments hold only theirs', async () => {
    const res = await batch([shipment('JOB-B', { parties: [{ role: 'booking_customer', customerId: customerB }] })]);
    const id = res.json().items[0].id;
    expect((await t.request('GET', `/api/shipments/${id}`, { as: repA })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/shipments/${id}/events`, { as: repA })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/shipments/${id}`, { as: repB })).statusCode).toBe(200);
    const listA = (await t.request('GET', '/api/shipments?limit=200', { as: repA })).json().items;
    expect(listA.length).toBeGreaterThan(0);
    expect(listA.every((s: { customerId: string }) => s.customerId === customerA)).toBe(true);
    expect((await t.request('GET', `/api/customers/${customerB}/shipments`, { as: repA })).statusCode).toBe(404);
    const ofB = await t.request('GET', `/api/customers/${customerB}/shipments`, { as: repB });
    expect(ofB.json().items.map((s: { id: string }) => s.id)).toContain(id);
    // Reps read shipments but do not feed them.
    expect((await batch([shipment('JOB-REP')], repA)).statusCode).toBe(403);
    expect((await events([], repA)).statusCode).toBe(403);
  });

  it('money follows the money rights: a rep sees the revenue of their customers’ shipments, never the cost', async () => {
    const list = (await t.request('GET', '/api/shipments?limit=200', { as: repA })).json().items;
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((s: { cost: unknown }) => s.cost === null)).toBe(true);
    expect(list.some((s: { revenue: unknown }) => s.revenue !== null)).toBe(true);
    const byContainer = await t.request('GET', `/api/shipments?q=${(boxes[0] as string).toLowerCase()}`, { as: ops });
    expect(byContainer.json().items.length).toBeGreaterThan(0);
  });
});

describe('exchange rates', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.setup('汇率货代 Rates Forwarding');
  });
  afterAll(() => t.close());

  it('enters, replaces, lists and removes dated rates, and names a bad field', async () => {
    const post = (body: object) => t.request('POST', '/api/exchange-rates', { as: admin, body });
    const one = await post({ base: 'usd', quote: 'CNY', rate: '7.1', date: '2026-12-01' });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json().items[0]).toMatchObject({
      base: 'USD',
      quote: 'CNY',
      rate: '7.1',
      date: '2026-12-01',
      source: 'console',
    });
    await post({
      items: [
        { base: 'USD', quote: 'CNY', rate: 7.2, date: '2026-12-01' },
        { base: 'EUR', quote: 'CNY', rate: '7.65', date: '2026-12-02' },
      ],
    });
    const list = (await t.request('GET', '/api/exchange-rates', { as: admin })).json().items;
    expect(list.map((r: { base: string; rate: string }) => `${r.base}:${r.rate}`)).toEqual(['EUR:7.65', 'USD:7.2']);
    const bad = await post({ base: 'USD', quote: 'CNY', rate: '-1', date: '2026-12-01' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0]).toMatchObject({ field: 'rate', code: 'money.rate_invalid' });
    const removed = await t.request('DELETE', '/api/exchange-rates/EUR/CNY/2026-12-02', { as: admin });
    expect(removed.statusCode).toBe(204);
    expect((await t.request('GET', '/api/exchange-rates', { as: admin })).json().items).toHaveLength(1);
  });
});
