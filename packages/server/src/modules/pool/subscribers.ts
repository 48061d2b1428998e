import type { EventSubscriber } from '../../platform/events';
import { startOwnerClocks } from './change-owner';
import { recordDeal, recordFollowUp, recordShipmentDeals } from './follow-up';

/**
 * The pool's clocks follow what happens elsewhere: a new customer with an owner is owned and protected from then
 * on, a logged contact or a note is a follow-up, a won opportunity
 * or a shipment a deal.
 */
export const poolSubscribers: readonly EventSubscriber[] = [
  {
    event: 'customer.created',
    name: 'pool.clocks-on-new-customer',
    mode: 'sync',
    handle: (ctx, event) => startOwnerClocks(ctx, event.ownerId ? [event.customerId] : []),
    handleAll: (ctx, events) =>
      startOwnerClocks(
        ctx,
        events.flatMap((e) => (e.ownerId ? [e.customerId] : [])),
      ),
  },
  {
    event: 'activity.logged',
    name: 'pool.follow-up-on-activity',
    mode: 'sync',
    handle: (ctx, event) => recordFollowUp(ctx, [event.customerId], new Date(event.at)),
  },
  {
    event: 'note.added',
    name: 'pool.follow-up-on-note',
    mode: 'sync',
    handle: (ctx, event) => recordFollowUp(ctx, [event.customerId], new Date(event.at)),
  },
  {
    event: 'opportunity.won',
    name: 'pool.deal-on-won-opportunity',
    mode: 'sync',
    handle: (ctx, event) => recordDeal(ctx, [event.customerId], new Date(event.at)),
  },
  {
    event: 'shipment.customer_rollups',
    name: 'pool.deal-on-shipment',
    mode: 'sync',
    handle: (ctx, event) =>
      recordShipmentDeals(
        ctx,
        event.rollups.flatMap((r) => (r.lastShipmentAt ? [{ customerId: r.customerId, at: r.lastShipmentAt }] : [])),
      ),
  },
];
