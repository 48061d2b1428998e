import { defineModule } from '../../platform/module';
import { dataQualityRoutes } from './routes';

export default defineModule({
  name: 'data-quality',
  resources: ['dataQuality'],
  routes: dataQualityRoutes,
});
