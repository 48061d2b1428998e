import { shipmentErrors } from '@berth/domain';
import { defineModule } from '../../platform/module';
import {
  backfillCustomerRollups,
  customerRollupsBackfillJob,
  customerRollupsDueJob,
  customerRollupsEveryMs,
  customerRollupsJob,
  runCustomerRollups,
  runDueCustomerRollupsJob,
} from './customer-rollups';
import { shipmentHomeCards } from './home-card';
import { shipmentImporter } from './importers';
import { moveShipmentsOnMerge } from './merge';
import { missedMilestonesEveryMs, missedMilestonesJob, runMissedMilestones } from './missed-milestones';

// The module's domain events (their names and payloads) are part of its public surface.
export type {} from './events';

import { loadDemoShipments } from './demo-shipments';
import { shipmentRoutes } from './routes';
import { shipmentSearchProvider } from './search-provider';
import { shipmentExceptionTimeline, shipmentTimeline } from './timeline-contributor';

/** Shipments: fed by the company's systems (batch, events, file, webhook), followed by customer, with their money. */
export default defineModule({
  name: 'shipments',
  resources: ['shipments'],
  errors: shipmentErrors,
  importers: [shipmentImporter],
  jobs: [
    {
      name: customerRollupsJob,
      everyMs: customerRollupsEveryMs,
      run: (job, db) => runCustomerRollups(db, job.clock).then(() => undefined),
    },
    // The roll-ups the event feed queued (customer_rollups_due), coalesced over its batches.
    { name: customerRollupsDueJob, run: runDueCustomerRollupsJob },
    {
      // Customers with shipments but no roll-up yet get theirs at start, not at the next nightly run.
      name: customerRollupsBackfillJob,
      atStart: true,
      run: (job, db) => backfillCustomerRollups(db, job.clock).then(() => undefined),
    },
    {
      // Departures and arrivals overdue beyond the delay threshold, told to the customer's owner once.
      name: missedMilestonesJob,
      everyMs: missedMilestonesEveryMs,
      run: (job, db) => runMissedMilestones(db, job.clock).then(() => undefined),
    },
  ],
  timeline: [shipmentTimeline, shipmentExceptionTimeline],
  customerMerge: moveShipmentsOnMerge,
  routes: shipmentRoutes,
  homeCards: shipmentHomeCards,
  searchProviders: [shipmentSearchProvider],
  demo: { after: ['customers'], load: loadDemoShipments },
});
