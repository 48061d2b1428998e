import { moneyErrors } from '@berth/domain';
import { defineModule } from '../../platform/module';
import { exchangeRateImporter } from './importers';
import { exchangeRateRoutes } from './routes';

/** Dated exchange rates per organisation, for converting money in reports (domain `RateTable`). */
export default defineModule({
  name: 'exchange-rates',
  resources: ['exchangeRates'],
  errors: moneyErrors,
  importers: [exchangeRateImporter],
  routes: exchangeRateRoutes,
});
