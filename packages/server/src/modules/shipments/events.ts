import type { CustomerShipmentRollup } from './customer-rollups';

/** Events of the shipments module (platform/events.ts); outgoing webhooks subscribe to them. */
declare module '../../platform/events' {
  interface DomainEvents {
    /** A shipment arrived from a feed, a file or a user. */
    'shipment.created': { shipmentId: string; customerId: string | null; source: string; externalId: string };
    /** Its status moved forward (events or a feed). */
    'shipment.status_changed': { shipmentId: string; customerId: string | null; from: string; to: string };
    /** A tracking exception happened: rolled, eta_changed, customs_hold, damaged or lost. */
    'shipment.exception': {
      shipmentId: string;
      customerId: string | null;
      type: string;
      occurredAt: string;
      eventId: string;
    };
    /**
     * Customers' shipment roll-ups were recomputed (a shipment written, imported, moved by an event or linked to
     * its party, or the nightly window move): first and last shipment, and shipments, TEU and revenue in the
     * reporting currency over the last 12 months. The customers keep them; the pool counts the last shipment.
     */
    'shipment.customer_rollups': { rollups: CustomerShipmentRollup[] };
    /** The ETA slipped beyond the organisation's threshold against the promised ETA, first time. */
    'shipment.delayed': {
      shipmentId: string;
      customerId: string | null;
      /** Who is told: the customer's owner (null when the shipment has no customer or the customer no owner). */
      ownerId: string | null;
      customerName: string | null;
      /** The B/L, booking number or external id people know the shipment by. */
      reference: string;
      promisedEta: string;
      eta: string;
      slipHours: number;
    };
    /**
     * A shipment did not depart (or arrive) by its ETD (ETA) plus the organisation's delay threshold and no event says
     * it did: told once per shipment and milestone.
     */
    'shipment.milestone_missed': {
      shipmentId: string;
      customerId: string | null;
      ownerId: string | null;
      customerName: string | null;
      reference: string;
      milestone: 'departed' | 'arrived';
      plannedAt: string;
    };
  }
}
