import activities from './modules/activities/manifest';
import apiKeys from './modules/api-keys/manifest';
import attachments from './modules/attachments/manifest';
import audit from './modules/audit/manifest';
import auth from './modules/auth/manifest';
import customers from './modules/customers/manifest';
import dataQuality from './modules/data-quality/manifest';
import databaseUpkeep from './modules/database-upkeep/manifest';
import exchangeRates from './modules/exchange-rates/manifest';
import imports from './modules/imports/manifest';
import notes from './modules/notes/manifest';
import notifications from './modules/notifications/manifest';
import opportunities from './modules/opportunities/manifest';
import orgSettings from './modules/org-settings/manifest';
import outbox from './modules/outbox/manifest';
import pool from './modules/pool/manifest';
import prospects from './modules/prospects/manifest';
import roles from './modules/roles/manifest';
import salesEvents from './modules/sales-events/manifest';
import search from './modules/search/manifest';
import segments from './modules/segments/manifest';
import setup from './modules/setup/manifest';
import shipments from './modules/shipments/manifest';
import tasks from './modules/tasks/manifest';
import teams from './modules/teams/manifest';
import users from './modules/users/manifest';
import webhooks from './modules/webhooks/manifest';
import { installErrorMessages } from './platform/error-catalogue';
import { installEventSubscribers } from './platform/events';
import { installModules, type ServerModule } from './platform/module';

/**
 * The server's modules. The app registers their routes, the server their jobs; the customer
 * timeline, customer merge, the imports and the demo data iterate over their manifests. A new
 * module is a folder with a `manifest.ts` and one line here (docs/adding-a-module.md).
 */
export const serverModules: readonly ServerModule[] = [
  auth,
  users,
  teams,
  roles,
  apiKeys,
  audit,
  outbox,
  orgSettings,
  customers,
  imports,
  pool,
  notes,
  attachments,
  notifications,
  segments,
  dataQuality,
  salesEvents,
  prospects,
  activities,
  tasks,
  opportunities,
  exchangeRates,
  shipments,
  webhooks,
  search,
  databaseUpkeep,
  setup,
];

// Whatever loads the module list — the server, the CLI, a job — emits to every subscriber and
// answers every module's error codes in the caller's language.
installEventSubscribers(serverModules.flatMap((module) => module.subscribers ?? []));
installErrorMessages(serverModules);
installModules(serverModules);
