import { defineModule } from '../../platform/module';
import { notificationRoutes } from './routes';

export default defineModule({
  name: 'notifications',
  routes: notificationRoutes,
});
