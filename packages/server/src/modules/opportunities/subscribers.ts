import type { EventSubscriber } from '../../platform/events';
import { touchOpportunityActivity } from './opportunity-access';

/** An activity logged on an opportunity is its latest activity (the board's "quiet for N days"). */
export const opportunitySubscribers: readonly EventSubscriber[] = [
  {
    event: 'activity.logged',
    name: 'opportunities.touch-on-activity',
    mode: 'sync',
    handle: async (ctx, event) => {
      if (event.opportunityId) await touchOpportunityActivity(ctx, event.opportunityId, new Date(event.at));
    },
  },
];
