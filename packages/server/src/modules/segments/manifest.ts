import { defineModule } from '../../platform/module';
import { segmentRoutes } from './routes';

export default defineModule({
  name: 'segments',
  resources: ['segments'],
  routes: segmentRoutes,
});
