import { applyEvents, shipmentEventTypes, systemClock, type TrackingEvent } from '@berth/domain';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';
import { storage } from '../../../test/storage';
import { jobs } from '../../db/schema';
import { backfillCustomerRollups, customerRollupsBackfillJob } from './customer-rollups';
import { customerRollupsDue } from './tables';

type User = Session & { id: string };

const { customerShipmentRollups } = storage;
const day = 86_400_000;
/** An instant this many days from now, so the shipments fall in the roll-ups' 12-month window. */
const daysFromNow = (days: number) => new Date(Date.now() + days * day).toISOString();

describe('shipments on the customer: merge, roll-ups at start, exceptions on the timeline', () => {
  let t: TestApp;
  let admin: Session;
  let ops: User;
  let repA: User;
  let repB: User;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.setup('客户货运合并货代 Merge Forwarding');
    ops = await t.userWithRole(admin, 'operations', { name: '操作小李' });
    repA = await t.userWithRole(admin, 'sales_rep', { name: '销售丙' });
    repB = await t.userWithRole(admin, 'sales_rep', { name: '销售丁' });
  });
  afterAll(() => t.close());

  const customer = async (name: string, owner: User) => {
    const res = await t.request('POST', '/api/customers', {
      as: admin,
      body: { name, ownerId: owner.id, status: 'active' },
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: string }).id;
  };
  const batch = async (items: object[]) => {
    const res = await t.request('POST', '/api/shipments/batch', { as: ops, body: { items } });
    expect(res.statusCode, res.body).toBe(200);
    const answers = res.json().items as { status: string; id: string }[];
    expect(answers.map((a) => a.status)).toEqual(items.map(() => 'created'));
    return answers.map((a) => a.id);
  };
  const shipment = (externalId: string, parties: object[], extra: object = {}) => ({
    source: 'tms',
    externalId,
    mode: 'FCL',
    pol: 'CNSHA',
    pod: 'USLAX',
    etd: daysFromNow(-20),
    eta: daysFromNow(-5),
    containers: [{ number: 'CSQU3054383', type: '40HC' }],
    revenue: { amount: '1000.00', currency: 'CNY' },
    parties,
    ...extra,
  });
  const rollupOf = async (customerId: string, as: Session = admin) =>
    (await t.request('GET', `/api/customers/${customerId}`, { as })).json().shipmentRollup;

  it('merging a customer moves its shipments, parties and links to the kept one, with the roll-ups', async () => {
    const kept = await customer('上海合并保留贸易有限公司', repA);
    const absorbed = await customer('上海合并被并贸易有限公司', repB);
    const [own] = await batch([shipment('MRG-1', [{ role: 'shipper', customerId: kept }])]);
    const [booked, named] = await batch([
      shipment('MRG-2', [{ role: 'booking_customer', customerId: absorbed }]),
      shipment('MRG-3', [
        { role: 'shipper', customerId: kept },
        { role: 'consignee', customerId: absorbed },
      ]),
    ]);
    // A party name the review queue linked to the absorbed customer.
    const [viaParty] = await batch([shipment('MRG-4', [{ role: 'shipper', name: '合并测试无名发货人' }])]);
    const queue = (await t.request('GET', '/api/shipment-parties/unmatched', { as: ops })).json().items;
    const party = queue.find((p: { name: string }) => p.name === '合并测试无名发货人');
    const link = await t.request('POST', `/api/shipment-parties/unmatched/${party.id}/link`, {
      as: ops,
      body: { customerId: absorbed },
    });
    expect(link.statusCode, link.body).toBe(200);
    expect(await rollupOf(absorbed)).toMatchObject({ shipments12m: 2 });
    expect(await rollupOf(kept)).toMatchObject({ shipments12m: 2 });

    const merged = await t.request('POST', `/api/customers/${kept}/merge`, { as: admin, body: { sourceId: absorbed } });
    expect(merged.statusCode, merged.body).toBe(200);

    const listed = await t.request('GET', `/api/customers/${kept}/shipments`, { as: admin });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(
      listed
        .json()
        .items.map((s: { id: string }) => s.id)
        .sort(),
    ).toEqual([own, booked, named, viaParty].sort());
    expect(merged.json().shipmentRollup).toMatchObject({
      shipments12m: 4,
      teu12m: '8',
      revenue12m: { amount: '4000.00', currency: 'CNY' },
    });
    expect(await rollupOf(kept, repA)).toMatchObject({ shipments12m: 4 });
    // The absorbed record keeps no roll-up of its own.
    const absorbedRows = await t.db
      .select()
      .from(customerShipmentRollups)
      .where(eq(customerShipmentRollups.customerId, absorbed));
    expect(absorbedRows).toEqual([]);
    // Every party naming the absorbed customer now names the kept one; its owner sees the shipments.
    const third = (await t.request('GET', `/api/shipments/${named}`, { as: repA })).json();
    expect(third.parties.map((p: { customerId: string }) => p.customerId)).toEqual([kept, kept]);
    expect((await t.request('GET', `/api/shipments/${booked}`, { as: repA })).json().customerId).toBe(kept);
    expect((await t.request('GET', `/api/shipments/${booked}`, { as: repB })).statusCode).toBe(404);
    // The queue's link follows too, so the next feed naming that party lands on the kept customer.
    const linked = (await t.request('GET', '/api/shipment-parties/unmatched?status=linked', { as: ops })).json().items;
    expect(linked.find((p: { id: string }) => p.id === party.id)).toMatchObject({ customerId: kept });
    const [next] = await batch([shipment('MRG-5', [{ role: 'shipper', name: '合并测试无名发货人' }])]);
    expect((await t.request('GET', `/api/shipments/${next}`, { as: ops })).json().customerId).toBe(kept);
  });

  it('a departure from the event feed moves the customer’s last shipment when the queued roll-ups run', async () => {
    const customerId = await customer('青岛离港滚动测试有限公司', repA);
    const etd = daysFromNow(-30);
    await batch([shipment('RU-1', [{ role: 'shipper', customerId }], { etd })]);
    expect((await rollupOf(customerId)).lastShipmentAt).toBe(etd);

    const departed = daysFromNow(-28);
    const res = await t.request('POST', '/api/shipments/events', {
      as: ops,
      body: {
        events: [{ eventId: 'ru-dep', source: 'tms', externalId: 'RU-1', type: 'departed', occurredAt: departed }],
      },
    });
    expect(res.json().items[0].status).toBe('applied');
    // Queued, not computed in the feed's transaction: one row however many batches touch the customer.
    const queued = await t.db.select().from(customerRollupsDue).where(eq(customerRollupsDue.customerId, customerId));
    expect(queued).toHaveLength(1);
    expect((await rollupOf(customerId)).lastShipmentAt).toBe(etd);

    // The coalesced job runs a few seconds later and takes the customer off the queue.
    const soon = new Date(Date.now() + 60_000);
    while ((await t.server.deps.jobs.runDue(soon)) > 0) {}
    expect((await rollupOf(customerId)).lastShipmentAt).toBe(departed);
    expect(await t.db.select().from(customerRollupsDue).where(eq(customerRollupsDue.customerId, customerId))).toEqual(
      [],
    );
  });

  it('the state the database computes from stored events is the domain’s applyEvents, in any arrival order', async () => {
    const customerId = await customer('厦门事件顺序测试有限公司', repA);
    // A small deterministic generator: the same runs every time, many orders and duplicates.
    let seed = 20261207;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
    for (let round = 0; round < 6; round++) {
      const externalId = `ORD-${round}`;
      const etd = daysFromNow(-40);
      const eta = daysFromNow(-10);
      const [id] = await batch([shipment(externalId, [{ role: 'shipper', customerId }], { etd, eta })]);
      const base = (await t.request('GET', `/api/shipments/${id}`, { as: ops })).json();
      const list: TrackingEvent[] = Array.from({ length: 12 }, (_, i) => {
        const type = pick(shipmentEventTypes);
        // Few distinct times, so that equal times meet the tie rules (type order, then source and event id).
        const occurredAt = daysFromNow(-35 + Math.floor(random() * 6) * 3);
        return {
          // The shipment's own source: an event names its shipment by (source, externalId).
          source: 'tms',
          eventId: `ev-${round}-${i}`,
          type,
          occurredAt,
          data: type === 'eta_changed' ? { eta: daysFromNow(-12 + Math.floor(random() * 20)) } : null,
        };
      });
      const sent = [...list, ...list.filter(() => random() < 0.4)].sort(() => random() - 0.5);
      for (let from = 0; from < sent.length; from += 5) {
        const res = await t.request('POST', '/api/shipments/events', {
          as: ops,
          body: { events: sent.slice(from, from + 5).map((e) => ({ ...e, externalId })) },
        });
        expect(res.statusCode, res.body).toBe(200);
        for (const item of res.json().items) expect(['applied', 'duplicate']).toContain(item.status);
      }
      const expected = applyEvents({ status: base.status, eta: base.eta, atd: base.atd, ata: base.ata }, list);
      const iso = (value: string | null) => (value === null ? null : new Date(value).toISOString());
      const got = (await t.request('GET', `/api/shipments/${id}`, { as: ops })).json();
      expect({
        status: got.status,
        eta: got.eta,
        atd: got.atd,
        ata: got.ata,
        customsHold: got.customsHold,
        rolled: got.rolled,
        damaged: got.damaged,
        lost: got.lost,
        lastEventAt: got.lastEventAt,
      }).toEqual({
        status: expected.status,
        eta: iso(expected.eta),
        atd: iso(expected.atd),
        ata: iso(expected.ata),
        customsHold: expected.customsHold,
        rolled: expected.rolled,
        damaged: expected.damaged,
        lost: expected.lost,
        lastEventAt: iso(expected.lastEventAt),
      });
    }
  });

  it('customers whose shipments have no roll-up yet get one when the server starts', async () => {
    const customerId = await customer('宁波启动补算物流有限公司', repA);
    await batch([
      shipment('BF-1', [{ role: 'shipper', customerId }]),
      shipment('BF-2', [{ role: 'shipper', customerId }]),
    ]);
    // As shipments recorded before roll-ups existed (or loaded in bulk) would be.
    await t.db.delete(customerShipmentRollups).where(eq(customerShipmentRollups.customerId, customerId));
    expect(await rollupOf(customerId)).toBeNull();

    // Starting the job runner queues the backfill at once, whatever the nightly job's next run.
    await t.server.deps.jobs.scheduleRecurring();
    const queued = await t.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.name, customerRollupsBackfillJob), eq(jobs.status, 'queued')));
    expect(queued).toHaveLength(1);
    expect(queued[0]?.runAt.getTime()).toBeLessThanOrEqual(Date.now());

    expect(await backfillCustomerRollups(t.db, systemClock)).toBeGreaterThanOrEqual(1);
    expect(await rollupOf(customerId)).toMatchObject({ shipments12m: 2, teu12m: '4' });
    // Nothing is missing any more: a second run finds nobody.
    expect(await backfillCustomerRollups(t.db, systemClock)).toBe(0);
  });

  it('the customer timeline shows its shipments and their exceptions to those who may read them', async () => {
    const customerId = await customer('深圳时间线异常电子有限公司', repA);
    const promised = daysFromNow(-5);
    const slipped = daysFromNow(-2);
    const [id] = await batch([
      shipment('TL-1', [{ role: 'shipper', customerId }], { masterBl: 'MBLTL0001', eta: promised }),
    ]);
    const event = (eventId: string, type: string, minutesAgo: number, data?: object) => ({
      eventId,
      source: 'tms',
      externalId: 'TL-1',
      type,
      occurredAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
      ...(data ? { data } : {}),
    });
    const posted = await t.request('POST', '/api/shipments/events', {
      as: ops,
      body: {
        events: [
          event('tl-dep', 'departed', 60),
          event('tl-rolled', 'rolled', 50),
          event('tl-eta', 'eta_changed', 40, { eta: slipped }),
          event('tl-hold', 'customs_hold', 30),
          event('tl-damage', 'damaged', 20),
          event('tl-lost', 'lost', 10),
        ],
      },
    });
    expect(posted.statusCode, posted.body).toBe(200);

    const timeline = await t.request('GET', `/api/customers/${customerId}/timeline`, { as: repA });
    expect(timeline.statusCode, timeline.body).toBe(200);
    const items = timeline.json().items as {
      id: string;
      kind: string;
      action: string;
      entityId: string;
      meta: Record<string, unknown>;
      changes: Record<string, unknown> | null;
    }[];
    const created = items.find((e) => e.kind === 'shipment' && e.action === 'create');
    expect(created).toMatchObject({ entityId: id });
    const exceptions = items.filter((e) => e.kind === 'shipment_exception');
    expect(exceptions.map((e) => e.action).sort()).toEqual(
      ['customs_hold', 'damaged', 'delay', 'eta_changed', 'lost', 'rolled'].sort(),
    );
    for (const entry of exceptions) expect(entry).toMatchObject({ entityId: id, meta: { reference: 'MBLTL0001' } });
    expect(exceptions.find((e) => e.action === 'eta_changed')?.meta.eta).toBe(slipped);
    expect(exceptions.find((e) => e.action === 'delay')?.meta).toMatchObject({ eta: slipped, promisedEta: promised });
    // Milestones are on the shipment's own page, not the customer's history; no money on exception entries.
    expect(items.some((e) => e.action === 'departed')).toBe(false);
    expect(JSON.stringify(exceptions)).not.toMatch(/revenue|cost/);
    // Newest first, and pages of two give the same entries in the same order.
    const ids = items.map((e) => e.id);
    expect([...ids].sort().reverse()).toEqual(ids);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${encodeURIComponent(cursor)}` : '?limit=2';
      const page = (await t.request('GET', `/api/customers/${customerId}/timeline${query}`, { as: repA })).json();
      paged.push(...page.items.map((e: { id: string }) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(ids);

    // A rep without access to the customer sees nothing of it, nor of its shipments.
    expect((await t.request('GET', `/api/customers/${customerId}/timeline`, { as: repB })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/shipments/${id}`, { as: repB })).statusCode).toBe(404);
  });
});
