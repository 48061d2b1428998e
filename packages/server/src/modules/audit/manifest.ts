import { defineModule } from '../../platform/module';
import { auditRoutes } from './routes';

export default defineModule({
  name: 'audit',
  resources: ['audit'],
  routes: auditRoutes,
});
