import { shipmentErrors } from '@berth/domain';
import { defineModule } from '../../platform/module';
import { customerRollupsEveryMs, customerRollupsJob, runCustomerRollups } from './customer-rollups';
import { shipmentImporter } from './importers';

// The module's domain events (their names and payloads) are part of its public surface.
export type {} from './events';

import { loadDemoShipments } from './demo-shipments';
import { shipmentRoutes } from './routes';

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
  ],
  routes: shipmentRoutes,
  demo: { after: ['customers'], load: loadDemoShipments },
});
