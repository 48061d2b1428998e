import { opportunityErrors } from '@berth/domain';
import { defineModule } from '../../platform/module';
import { opportunityAuditNames } from './audit-names';

// The module's domain events (their names and payloads) are part of its public surface.
export type {} from './events';

import { loadDemoOpportunities } from './demo-opportunities';
import { opportunityHomeCards } from './home-cards';
import { moveOpportunitiesOnMerge } from './merge';
import { opportunityRoutes } from './routes';
import { opportunitySearchProvider } from './search-provider';
import { opportunitySubscribers } from './subscribers';
import { opportunityTimeline } from './timeline-contributor';

/** The sales pipeline: opportunities, inquiries, stages, lost reasons and the reports on them. */
export default defineModule({
  name: 'opportunities',
  resources: ['opportunities', 'inquiries'],
  routes: opportunityRoutes,
  errors: opportunityErrors,
  timeline: [opportunityTimeline],
  auditNames: [opportunityAuditNames],
  customerMerge: moveOpportunitiesOnMerge,
  subscribers: opportunitySubscribers,
  homeCards: opportunityHomeCards,
  searchProviders: [opportunitySearchProvider],
  demo: {
    after: ['customers'],
    load: (demo) => loadDemoOpportunities(demo.db, demo),
  },
});
