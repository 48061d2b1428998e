import { customerErrors } from '@berth/domain';
import { defineModule } from '../../platform/module';
import { contactAuditNames, customerAuditNames } from './audit-names';

// The module's domain events (their names and payloads) are part of its public surface.
export type {} from './events';

import { loadDemoCustomers } from './demo-customers';
import { contactImporter, customerImporter } from './importers';
import { customerRoutes } from './routes';
import { contactSearchProvider, customerSearchProvider } from './search-providers';
import { customerSubscribers } from './subscribers';
import { contactTimeline, customerRecordTimeline } from './timeline-contributors';

/** Customers, their contacts, lanes and tags; personal data and financial fields are theirs to guard. */
export default defineModule({
  name: 'customers',
  resources: [
    'customers',
    'customerBilling',
    'contacts',
    'tags',
    'personalData',
    'revenue',
    'costMargin',
    'billingCredit',
  ],
  routes: customerRoutes,
  errors: customerErrors,
  timeline: [customerRecordTimeline, contactTimeline],
  auditNames: [customerAuditNames, contactAuditNames],
  importers: [customerImporter, contactImporter],
  subscribers: customerSubscribers,
  searchProviders: [customerSearchProvider, contactSearchProvider],
  demo: {
    load: async (demo) => {
      demo.customers.push(...(await loadDemoCustomers(demo.db, demo, demo.sales)));
    },
  },
});
