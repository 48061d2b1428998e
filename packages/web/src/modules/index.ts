import { accountModule } from './account/manifest';
import { activitiesModule } from './activities/manifest';
import { adminModule } from './admin/manifest';
import { authModule } from './auth/manifest';
import { customersModule } from './customers/manifest';
import { dataQualityModule } from './data-quality/manifest';
import { homeModule } from './home/manifest';
import { notificationsModule } from './notifications/manifest';
import { opportunitiesModule } from './opportunities/manifest';
import { poolModule } from './pool/manifest';
import { reportsModule } from './reports/manifest';
import { salesEventsModule } from './sales-events/manifest';
import { searchModule } from './search/manifest';
import { shipmentsModule } from './shipments/manifest';
import { tasksModule } from './tasks/manifest';

/**
 * The console's modules. Routes, the side menu and the translations are assembled from this list; a new module is
 * its folder with a `manifest.ts` and one line here.
 */
export const webModules = [
  homeModule,
  accountModule,
  authModule,
  notificationsModule,
  searchModule,
  customersModule,
  poolModule,
  dataQualityModule,
  activitiesModule,
  tasksModule,
  opportunitiesModule,
  salesEventsModule,
  shipmentsModule,
  reportsModule,
  adminModule,
] as const;
