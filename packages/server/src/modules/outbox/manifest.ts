import { defineModule } from '../../platform/module';
import { outboxRoutes } from './routes';

/** The administration of the outbox; its delivery job belongs to the platform (platform/outbox). */
export default defineModule({
  name: 'outbox',
  resources: ['outbox'],
  routes: outboxRoutes,
});
