import { userErrors } from '@berth/domain';
import { defineModule } from '../../platform/module';
import { userRoutes } from './routes';

export default defineModule({
  name: 'users',
  resources: ['users'],
  routes: userRoutes,
  errors: userErrors,
});
