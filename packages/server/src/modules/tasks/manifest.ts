import { taskErrors } from '@berth/domain';
import { defineModule } from '../../platform/module';
import { taskAuditNames } from './audit-names';

// The module's domain events (their names and payloads) are part of its public surface.
export type {} from './events';

import { loadDemoTasks } from './demo-tasks';
import { taskHomeCards } from './home-card';
import { moveTasksOnMerge } from './merge';
import { taskRoutes } from './routes';
import { nextStepsEveryMs, nextStepsJob, runNextStepRules } from './run-next-step-rules';
import { runTaskReminders, taskRemindersEveryMs, taskRemindersJob } from './task-reminders';
import { taskTimeline } from './timeline-contributor';

/** Tasks, the calendar feed, next-step rules and reminders. */
export default defineModule({
  name: 'tasks',
  resources: ['tasks'],
  routes: taskRoutes,
  errors: taskErrors,
  jobs: [
    { name: nextStepsJob, everyMs: nextStepsEveryMs, run: (job, db) => runNextStepRules(db, job.clock) },
    { name: taskRemindersJob, everyMs: taskRemindersEveryMs, run: (job, db) => runTaskReminders(db, job.clock) },
  ],
  timeline: [taskTimeline],
  auditNames: [taskAuditNames],
  customerMerge: moveTasksOnMerge,
  homeCards: taskHomeCards,
  demo: {
    after: ['customers', 'activities'],
    load: (demo) =>
      loadDemoTasks(
        demo.db,
        demo.orgId,
        demo.sales.map((s) => s.id),
        demo.now,
      ),
  },
});
