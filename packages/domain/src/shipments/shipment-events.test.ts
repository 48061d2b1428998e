import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEvents, etaSlipHours, shipmentEventTypes, type TrackedBase, type TrackingEvent } from './shipment-events';

const base: TrackedBase = { status: 'booked', eta: '2026-12-20T00:00:00.000Z', atd: null, ata: null };

function event(
  eventId: string,
  type: TrackingEvent['type'],
  occurredAt: string,
  data?: TrackingEvent['data'],
): TrackingEvent {
  return { source: 'tms', eventId, type, occurredAt, data: data ?? null };
}

describe('tracking events', () => {
  it('a late, older event never moves the status back, and the ETA is the last one that happened', () => {
    const events = [
      event('4', 'arrived', '2026-12-21T08:00:00Z'),
      event('1', 'loaded', '2026-12-01T08:00:00Z'),
      event('3', 'eta_changed', '2026-12-05T08:00:00Z', { eta: '2026-12-21T00:00:00Z' }),
      event('2', 'eta_changed', '2026-12-03T08:00:00Z', { eta: '2026-12-25T00:00:00Z' }),
      event('5', 'departed', '2026-12-02T08:00:00Z'),
    ];
    expect(applyEvents(base, events)).toMatchObject({
      status: 'arrived',
      eta: '2026-12-21T00:00:00Z',
      atd: '2026-12-02T08:00:00Z',
      ata: '2026-12-21T08:00:00Z',
      lastEventAt: '2026-12-21T08:00:00Z',
    });
  });

  it('a customs hold is on until a later release', () => {
    const held = [event('1', 'customs_hold', '2026-12-22T00:00:00Z')];
    expect(applyEvents(base, held).customsHold).toBe(true);
    expect(applyEvents(base, [...held, event('2', 'customs_released', '2026-12-23T00:00:00Z')])).toMatchObject({
      customsHold: false,
      status: 'customs_released',
    });
    // A release that happened before the hold does not lift it.
    expect(applyEvents(base, [...held, event('0', 'customs_released', '2026-12-21T00:00:00Z')]).customsHold).toBe(true);
  });

  it('the first departure is the ATD; a transhipment’s departure is not', () => {
    const state = applyEvents(base, [
      event('a', 'departed', '2026-12-02T00:00:00Z'),
      event('b', 'transhipped', '2026-12-08T00:00:00Z'),
      event('c', 'departed', '2026-12-09T00:00:00Z'),
    ]);
    expect(state).toMatchObject({ atd: '2026-12-02T00:00:00Z', status: 'transhipped' });
  });

  it('reports how far the ETA slipped', () => {
    expect(etaSlipHours('2026-12-20T00:00:00Z', '2026-12-22T06:00:00Z')).toBe(54);
    expect(etaSlipHours(null, '2026-12-22T06:00:00Z')).toBeNull();
  });

  it('the same events in any arrival order, with duplicates, end in the same state', () => {
    const anEvent = fc.record({
      source: fc.constantFrom('tms', 'carrier'),
      eventId: fc.string({ minLength: 1, maxLength: 4 }),
      type: fc.constantFrom(...shipmentEventTypes),
      occurredAt: fc
        .integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2026-03-01T00:00:00Z') })
        // Whole hours, so equal times (and the tie-break) happen often.
        .map((ms) => new Date(ms - (ms % 3_600_000)).toISOString()),
      data: fc.option(fc.record({ eta: fc.constantFrom('2026-03-10T00:00:00.000Z', '2026-03-12T00:00:00.000Z') }), {
        nil: null,
      }),
    });
    // One payload per (source, eventId): a feed re-sends the same event, it does not change it.
    const uniqueEvents = fc.uniqueArray(anEvent, { maxLength: 25, selector: (e) => `${e.source}/${e.eventId}` });
    fc.assert(
      fc.property(
        uniqueEvents,
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.infiniteStream(fc.nat()),
        (events, duplicateIndexes, seeds) => {
          const expected = applyEvents(base, events);
          const duplicates =
            events.length === 0 ? [] : duplicateIndexes.map((i) => events[i % events.length] as TrackingEvent);
          const arrived = [...events, ...duplicates].sort(() => (seeds.next().value % 3) - 1);
          expect(applyEvents(base, arrived)).toEqual(expected);
        },
      ),
    );
  });

  describe('an ETA corrected by hand', () => {
    const hour = 3_600_000;
    const start = Date.parse('2026-01-01T00:00:00Z');
    const at = (hours: number) => new Date(start + hours * hour).toISOString();
    const etas = ['2026-03-10T00:00:00.000Z', '2026-03-12T00:00:00.000Z', '2026-03-15T00:00:00.000Z'];
    const etaEvents = fc.uniqueArray(
      fc.record({
        source: fc.constantFrom('tms', 'carrier'),
        eventId: fc.string({ minLength: 1, maxLength: 3 }),
        type: fc.constant('eta_changed' as const),
        occurredAt: fc.integer({ min: 0, max: 48 }).map(at),
        data: fc.record({ eta: fc.constantFrom(...etas) }),
      }),
      { maxLength: 12, selector: (e) => `${e.source}/${e.eventId}` },
    );
    const corrected = '2026-04-01T00:00:00.000Z';

    it('holds against every event that occurred up to the correction, in any arrival order', () => {
      fc.assert(
        fc.property(etaEvents, fc.integer({ min: 0, max: 48 }), fc.infiniteStream(fc.nat()), (events, h, seeds) => {
          const correction = { ...base, eta: corrected, etaCorrectedAt: at(h) };
          const after = events.filter((e) => Date.parse(e.occurredAt) > Date.parse(at(h)));
          // The last event after the correction in the one event order, else the hand value.
          const expected = after.length === 0 ? corrected : applyEvents(base, after).eta;
          const arrived = [...events, ...events.slice(0, 3)].sort(() => (seeds.next().value % 3) - 1);
          expect(applyEvents(correction, arrived).eta).toBe(expected);
        }),
      );
    });

    it('moves only the ETA: the rest of the state is what the events alone add up to', () => {
      fc.assert(
        fc.property(etaEvents, fc.integer({ min: 0, max: 48 }), (events, h) => {
          const { eta: _a, ...withCorrection } = applyEvents({ ...base, etaCorrectedAt: at(h) }, events);
          const { eta: _b, ...without } = applyEvents(base, events);
          expect(withCorrection).toEqual(without);
        }),
      );
    });

    it('an event at the very instant of the correction does not override it; one a second later does', () => {
      const correction = { ...base, eta: corrected, etaCorrectedAt: at(10) };
      expect(applyEvents(correction, [event('e1', 'eta_changed', at(10), { eta: etas[0] })]).eta).toBe(corrected);
      const later = new Date(Date.parse(at(10)) + 1000).toISOString();
      expect(applyEvents(correction, [event('e2', 'eta_changed', later, { eta: etas[1] })]).eta).toBe(etas[1]);
    });
  });
});
