import { defineModule } from '../../platform/module';
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
  jobs: [
    { name: nextStepsJob, everyMs: nextStepsEveryMs, run: (job, db) => runNextStepRules(db, job.clock) },
    { name: taskRemindersJob, everyMs: taskRemindersEveryMs, run: (job, db) => runTaskReminders(db, job.clock) },
  ],
  timeline: [taskTimeline],
  customerMerge: moveTasksOnMerge,
});
