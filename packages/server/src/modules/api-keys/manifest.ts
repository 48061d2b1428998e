import { defineModule } from '../../platform/module';
import { apiKeyRoutes } from './routes';

export default defineModule({
  name: 'api-keys',
  resources: ['apiKeys'],
  routes: apiKeyRoutes,
});
