import { poolErrors } from '@berth/domain';
import { defineModule } from '../../platform/module';

// The module's domain events (their names and payloads) are part of its public surface.
export type {} from './events';

import { loadDemoPool } from './demo-pool';
import { poolHomeCards } from './home-card';
import { poolSweepEveryMs, poolSweepJob, runPoolSweep } from './pool-sweep';
import { poolRoutes } from './routes';
import { poolSubscribers } from './subscribers';
import { ownershipTimelineContributor } from './timeline-contributor';

/** The public pool (公海): claiming, releasing, assigning, the return rules and the ownership history. */
export default defineModule({
  name: 'pool',
  resources: ['pool'],
  routes: poolRoutes,
  errors: poolErrors,
  jobs: [{ name: poolSweepJob, everyMs: poolSweepEveryMs, run: (job, db) => runPoolSweep(db, job.clock) }],
  timeline: [ownershipTimelineContributor],
  subscribers: poolSubscribers,
  homeCards: poolHomeCards,
  demo: {
    // It pools the last customers, away from the pipeline, activities and leads the others put on the first ones.
    after: ['customers', 'opportunities', 'activities', 'sales-events', 'shipments'],
    load: (demo) => loadDemoPool(demo.db, demo, demo.customers, demo.now),
  },
});
