import { webhookErrors } from '@berth/domain';
import { defineModule } from '../../platform/module';

// The module's domain events (their names and payloads) are part of its public surface.
export type {} from './events';

import { deliverWebhook } from './deliver';
import { webhookSubscribers } from './fan-out';
import { webhookRoutes } from './routes';
import { deliverWebhookJob } from './subscriptions';

/** Outgoing webhooks signed with Standard Webhooks, fed by domain events; the signed inbound hook for shipments. */
export default defineModule({
  name: 'webhooks',
  resources: ['webhooks'],
  errors: webhookErrors,
  routes: webhookRoutes,
  subscribers: webhookSubscribers,
  jobs: [{ name: deliverWebhookJob, run: (job, db, deps) => deliverWebhook(job, db, deps) }],
});
