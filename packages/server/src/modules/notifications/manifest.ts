import { defineModule } from '../../platform/module';
import { notificationRoutes } from './routes';
import { notificationSubscribers } from './subscribers';

/** In-app notifications and their mails; what causes one is another module's event (./subscribers.ts). */
export default defineModule({
  name: 'notifications',
  routes: notificationRoutes,
  subscribers: notificationSubscribers,
});
