import { defineModule } from '../../platform/module';
import { searchRoutes } from './routes';

/** The global search: one endpoint over the search providers the other modules' manifests register. */
export default defineModule({
  name: 'search',
  routes: searchRoutes,
});
