import { databaseUpkeepErrors } from '@berth/domain';
import { defineModule } from '../../platform/module';
import { upkeepJob, upkeepNowJob } from './database-upkeep';
import { databaseUpkeepRoutes } from './routes';
import { runUpkeep } from './run-upkeep';

/** Every quarter of an hour the tables with many dead rows; once a day (and after each start) every table. */
const upkeepEveryMs = 15 * 60_000;

/**
 * Upkeep of the embedded database, which has no autovacuum: vacuum and analyse in small steps, a
 * record of each round, and an administrators' page. On a PostgreSQL server autovacuum does this.
 */
export default defineModule({
  name: 'database-upkeep',
  resources: ['database'],
  errors: databaseUpkeepErrors,
  routes: databaseUpkeepRoutes,
  jobs: [
    {
      name: upkeepJob,
      everyMs: upkeepEveryMs,
      run: async (job, db, deps) =>
        deps.engine === 'pglite' ? runUpkeep(db, { trigger: 'schedule', now: job.clock.now() }) : undefined,
    },
    {
      name: upkeepNowJob,
      run: async (job, db, deps) =>
        deps.engine === 'pglite' ? runUpkeep(db, { trigger: 'manual', kind: 'full', now: job.clock.now() }) : undefined,
    },
  ],
});
