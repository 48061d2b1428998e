import { authErrors } from '@berth/domain';
import { defineModule } from '../../platform/module';
import { authRoutes } from './routes';

/** First-run setup, sign-in, sessions and the signed-in user's account. */
export default defineModule({
  name: 'auth',
  routes: authRoutes,
  errors: authErrors,
});
