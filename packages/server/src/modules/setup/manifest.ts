import { setupErrors } from '@berth/domain';
import { defineModule } from '../../platform/module';

/** Creating organisations and the demo organisation, which iterates the other modules' demo loaders. */
export default defineModule({
  name: 'setup',
  errors: setupErrors,
});
