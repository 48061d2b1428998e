import { prospectErrors } from '@berth/domain';
import { defineModule } from '../../platform/module';

// The module's domain events (their names and payloads) are part of its public surface.
export type {} from './events';

import { prospectRoutes } from './routes';

/** Prospects captured at events, and handing them to reps; guarded by the customers and events rights. */
export default defineModule({
  name: 'prospects',
  routes: prospectRoutes,
  errors: prospectErrors,
});
