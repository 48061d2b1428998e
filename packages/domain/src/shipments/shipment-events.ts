/**
 * Tracking events of a shipment and the state they add up to.
 *
 * The ordering rule: events are idempotent by (source, eventId) and are applied in the order they happened
 * (`occurredAt`, then the milestone order, then source and eventId, so equal times still have one order), not the
 * order they arrive in. The status is the furthest milestone any event reached — milestones only move forward, so a
 * late event about an earlier step (a `departed` that arrives after `arrived`) is kept in the timeline but never moves
 * the status back. Values that can change back and forth take the latest by event time: the ETA is that of the last
 * `eta_changed` that happened, a customs hold is on while the last hold happened after the last release. So the same
 * set of events gives the same state whatever order, and however often, they arrived. An ETA corrected by hand holds
 * until an `eta_changed` that occurred after the correction: the carrier's news is newer than the user's, an older
 * event (sent late, or re-sent) is what the user corrected.
 */
export const shipmentMilestones = [
  'booked',
  'gate_in',
  'loaded',
  'departed',
  'transhipped',
  'arrived',
  'discharged',
  'customs_released',
  'delivered',
] as const;
export type ShipmentMilestone = (typeof shipmentMilestones)[number];
/** A shipment's status is the furthest milestone reached. */
export type ShipmentStatus = ShipmentMilestone;
export const shipmentStatuses = shipmentMilestones;

export const shipmentExceptionTypes = ['rolled', 'eta_changed', 'customs_hold', 'damaged', 'lost'] as const;
export type ShipmentExceptionType = (typeof shipmentExceptionTypes)[number];

export const shipmentEventTypes = [...shipmentMilestones, ...shipmentExceptionTypes] as const;
export type ShipmentEventType = (typeof shipmentEventTypes)[number];

const milestoneRank = new Map<string, number>(shipmentMilestones.map((type, index) => [type, index]));
const typeRank = new Map<string, number>(shipmentEventTypes.map((type, index) => [type, index]));

export function isMilestone(type: string): type is ShipmentMilestone {
  return milestoneRank.has(type);
}

export function isShipmentException(type: string): type is ShipmentExceptionType {
  return (shipmentExceptionTypes as readonly string[]).includes(type);
}

export interface TrackingEvent {
  source: string;
  eventId: string;
  type: ShipmentEventType;
  /** An ISO 8601 instant. */
  occurredAt: string;
  location?: string | null;
  /** `eta` (an ISO instant) for eta_changed; anything else the feed sends is kept but not read here. */
  data?: { eta?: string | null; [key: string]: unknown } | null;
}

export interface TrackedState {
  status: ShipmentStatus;
  eta: string | null;
  atd: string | null;
  ata: string | null;
  deliveredAt: string | null;
  customsHold: boolean;
  damaged: boolean;
  lost: boolean;
  rolled: boolean;
  /** The time of the latest event applied, or null when there is none. */
  lastEventAt: string | null;
}

/** What the shipment record says before any event: its status and ETA as created or fed. */
export interface TrackedBase {
  status: ShipmentStatus;
  eta: string | null;
  atd: string | null;
  ata: string | null;
  /**
   * When `eta` was corrected by hand (an ISO instant), else null: the corrected ETA holds against every `eta_changed`
   * that occurred at or before that instant, and the last one that occurred after it moves the ETA again.
   */
  etaCorrectedAt?: string | null;
}

function eventKey(event: TrackingEvent): string {
  return `${event.source}\u0000${event.eventId}`;
}

/** The one order events are applied in (see the module comment). */
export function compareEvents(a: TrackingEvent, b: TrackingEvent): number {
  const time = Date.parse(a.occurredAt) - Date.parse(b.occurredAt);
  if (time !== 0) return time;
  const rank = (typeRank.get(a.type) ?? 0) - (typeRank.get(b.type) ?? 0);
  if (rank !== 0) return rank;
  if (a.source !== b.source) return a.source < b.source ? -1 : 1;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

/** The events once each (the first copy of a (source, eventId) wins), in the order they happened. */
export function orderEvents(events: Iterable<TrackingEvent>): TrackingEvent[] {
  const seen = new Map<string, TrackingEvent>();
  for (const event of events) {
    const key = eventKey(event);
    if (!seen.has(key)) seen.set(key, event);
  }
  return [...seen.values()].sort(compareEvents);
}

/** Whether an event's time is after a hand correction's (always, when there was none). */
function happenedAfter(occurredAt: string, correctedAt: string | null | undefined): boolean {
  return !correctedAt || Date.parse(occurredAt) > Date.parse(correctedAt);
}

export function applyEvents(base: TrackedBase, events: Iterable<TrackingEvent>): TrackedState {
  const state: TrackedState = {
    status: base.status,
    eta: base.eta,
    atd: base.atd,
    ata: base.ata,
    deliveredAt: null,
    customsHold: false,
    damaged: false,
    lost: false,
    rolled: false,
    lastEventAt: null,
  };
  let departedSeen = false;
  for (const event of orderEvents(events)) {
    const rank = milestoneRank.get(event.type);
    if (rank !== undefined && rank > (milestoneRank.get(state.status) ?? 0))
      state.status = event.type as ShipmentStatus;
    switch (event.type) {
      case 'departed':
        // The first departure is the one from the port of loading; later ones are transhipments.
        if (!departedSeen) state.atd = event.occurredAt;
        departedSeen = true;
        break;
      case 'arrived':
        state.ata = event.occurredAt;
        break;
      case 'delivered':
        state.deliveredAt ??= event.occurredAt;
        break;
      case 'eta_changed':
        if (typeof event.data?.eta === 'string' && happenedAfter(event.occurredAt, base.etaCorrectedAt))
          state.eta = event.data.eta;
        break;
      case 'customs_hold':
        state.customsHold = true;
        break;
      case 'customs_released':
        state.customsHold = false;
        break;
      case 'damaged':
        state.damaged = true;
        break;
      case 'lost':
        state.lost = true;
        break;
      case 'rolled':
        state.rolled = true;
        break;
    }
    state.lastEventAt = event.occurredAt;
  }
  return state;
}

/**
 * How far the ETA slipped, in whole hours (positive = later), between the ETA first promised and the current one;
 * null when either is unknown.
 */
export function etaSlipHours(promisedEta: string | null, currentEta: string | null): number | null {
  if (!promisedEta || !currentEta) return null;
  return Math.round((Date.parse(currentEta) - Date.parse(promisedEta)) / 3_600_000);
}
