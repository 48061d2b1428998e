import { roleErrors } from '@berth/domain';
import { defineModule } from '../../platform/module';
import { roleRoutes } from './routes';

export default defineModule({
  name: 'roles',
  resources: ['roles'],
  routes: roleRoutes,
  errors: roleErrors,
});
