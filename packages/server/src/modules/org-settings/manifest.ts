import { orgSettingsErrors } from '@berth/domain';
import { defineModule } from '../../platform/module';
import { orgSettingsRoutes } from './routes';

/** The organisation's settings: reporting currency, time zone, fiscal year, working calendar, shipment delay rule. */
export default defineModule({
  name: 'org-settings',
  resources: ['orgSettings'],
  errors: orgSettingsErrors,
  routes: orgSettingsRoutes,
});
