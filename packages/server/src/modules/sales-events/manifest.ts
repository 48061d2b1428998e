import { salesEventErrors } from '@berth/domain';
import { defineModule } from '../../platform/module';
import { salesEventAuditNames } from './audit-names';

// The module's domain events (their names and payloads) are part of its public surface.
export type {} from './events';

import { loadDemoSalesEvents } from './demo-events';
import { runSalesEventReminders, salesEventRemindersEveryMs, salesEventRemindersJob } from './event-reminders';
import { moveLeadsOnMerge } from './merge';
import { salesEventRoutes } from './routes';
import { leadTimeline } from './timeline-contributor';

export default defineModule({
  name: 'sales-events',
  resources: ['salesEvents'],
  routes: salesEventRoutes,
  errors: salesEventErrors,
  jobs: [
    {
      name: salesEventRemindersJob,
      everyMs: salesEventRemindersEveryMs,
      run: (job, db, deps) => runSalesEventReminders(db, deps.config.SALES_EVENT_REMINDER_HOURS, job.clock),
    },
  ],
  timeline: [leadTimeline],
  auditNames: [salesEventAuditNames],
  customerMerge: moveLeadsOnMerge,
  demo: {
    // Leads name lanes, which become inquiries in the pipeline.
    after: ['customers', 'opportunities'],
    load: (demo) => loadDemoSalesEvents(demo.db, demo, demo.sales, demo.now),
  },
});
