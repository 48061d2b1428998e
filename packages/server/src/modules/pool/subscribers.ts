import type { EventSubscriber } from '../../platform/events';
import { recordDeal, recordFollowUp } from './follow-up';

/** The pool's clocks follow what happens elsewhere: a logged contact or a note is a follow-up, a won opportunity a deal. */
export const poolSubscribers: readonly EventSubscriber[] = [
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
];
