import { applyEvents, type Clock, type TrackingEvent } from '@berth/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';

const hour = 3_600_000;
const start = Date.parse('2026-11-02T08:00:00Z');
const at = (hours: number) => new Date(start + hours * hour).toISOString();

describe('an ETA corrected by hand against the tracking events (decision 0007)', () => {
  let t: TestApp;
  let admin: Session;
  let ops: Session;
  let now = start;
  const clock: Clock = { now: () => new Date(now) };

  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    admin = await t.setup('船期更正货代 ETA Corrections');
    ops = await t.userWithRole(admin, 'operations', { name: '操作小潘' });
  });
  afterAll(() => t.close());

  const create = async (externalId: string) => {
    const res = await t.request('POST', '/api/shipments/batch', {
      as: ops,
      body: { items: [{ source: 'tms', externalId, mode: 'FCL', pol: 'CNSHA', pod: 'USLAX', eta: at(200) }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items[0].id as string;
  };
  const send = async (externalId: string, events: TrackingEvent[]) => {
    const res = await t.request('POST', '/api/shipments/events', {
      as: ops,
      body: { events: events.map((e) => ({ ...e, externalId })) },
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const etaChanged = (eventId: string, occurredAt: string, eta: string): TrackingEvent => ({
    source: 'tms',
    eventId,
    type: 'eta_changed',
    occurredAt,
    data: { eta },
  });
  const read = async (id: string) => (await t.request('GET', `/api/shipments/${id}`, { as: ops })).json();
  const correct = async (id: string, eta: string) => {
    const { version } = await read(id);
    const res = await t.request('PATCH', `/api/shipments/${id}`, {
      as: ops,
      body: { eta },
      headers: { 'if-match': `"${version}"` },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('holds against older events, sent before or after it, and gives way to a newer one', async () => {
    const id = await create('ETA-1');
    now = start + 10 * hour;
    await send('ETA-1', [etaChanged('e1', at(5), at(210))]);
    expect((await read(id)).eta).toBe(at(210));

    // The forwarder knows better: the correction stands although an eta_changed is stored.
    expect((await correct(id, at(230))).eta).toBe(at(230));
    // An event that happened before the correction, arriving late, is what the user corrected.
    now = start + 12 * hour;
    await send('ETA-1', [etaChanged('e0', at(9), at(205)), etaChanged('e1', at(5), at(210))]);
    expect((await read(id)).eta).toBe(at(230));
    // The carrier's news after the correction wins; a later one again, an older one never.
    await send('ETA-1', [etaChanged('e2', at(11), at(240))]);
    expect((await read(id)).eta).toBe(at(240));
    await send('ETA-1', [etaChanged('e3', at(10.5), at(250))]);
    expect((await read(id)).eta).toBe(at(240));
  });

  it('a second correction moves the line: events between the two no longer count', async () => {
    const id = await create('ETA-2');
    now = start + 20 * hour;
    await correct(id, at(300));
    await send('ETA-2', [etaChanged('f1', at(21), at(310))]);
    expect((await read(id)).eta).toBe(at(310));
    now = start + 22 * hour;
    await correct(id, at(320));
    await send('ETA-2', [etaChanged('f0', at(21.5), at(330))]);
    expect((await read(id)).eta).toBe(at(320));
  });

  it('the database’s fold is the domain’s applyEvents with the correction, in any arrival order', async () => {
    let seed = 20261207;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 5; round++) {
      const externalId = `ETA-P${round}`;
      const id = await create(externalId);
      const events = Array.from({ length: 10 }, (_, i) =>
        etaChanged(`p${round}-${i}`, at(30 + Math.floor(random() * 8)), at(400 + Math.floor(random() * 50))),
      );
      const correctedAt = start + (30 + Math.floor(random() * 8)) * hour;
      const before = events.filter(() => random() < 0.5);
      now = start + 29 * hour;
      await send(externalId, before);
      now = correctedAt;
      await correct(id, at(500));
      const rest = [...events, ...before].sort(() => random() - 0.5);
      for (let from = 0; from < rest.length; from += 4) await send(externalId, rest.slice(from, from + 4));
      const expected = applyEvents(
        { status: 'booked', eta: at(500), atd: null, ata: null, etaCorrectedAt: new Date(correctedAt).toISOString() },
        events,
      );
      expect((await read(id)).eta).toBe(expected.eta);
    }
  });
});
