import { teamErrors } from '@berth/domain';
import { defineModule } from '../../platform/module';
import { teamRoutes } from './routes';

export default defineModule({
  name: 'teams',
  resources: ['teams'],
  routes: teamRoutes,
  errors: teamErrors,
});
