import { activityErrors } from '@berth/domain';
import { defineModule } from '../../platform/module';
import { activityAuditNames } from './audit-names';

// The module's domain events (their names and payloads) are part of its public surface.
export type {} from './events';

import { loadDemoActivities } from './demo-activities';
import { moveActivitiesOnMerge } from './merge';
import { activityRoutes } from './routes';
import { activityTimeline } from './timeline-contributor';

export default defineModule({
  name: 'activities',
  resources: ['activities'],
  routes: activityRoutes,
  errors: activityErrors,
  timeline: [activityTimeline],
  auditNames: [activityAuditNames],
  customerMerge: moveActivitiesOnMerge,
  demo: {
    after: ['customers'],
    load: (demo) =>
      loadDemoActivities(
        demo.db,
        demo.orgId,
        demo.sales.map((s) => s.id),
        demo.now,
      ),
  },
});
