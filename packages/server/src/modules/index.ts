import { installErrorMessages } from '../platform/error-catalogue';
import { installEventSubscribers } from '../platform/events';
import { installModules, type ServerModule } from '../platform/module';
import activities from './activities/manifest';
import apiKeys from './api-keys/manifest';
import attachments from './attachments/manifest';
import audit from './audit/manifest';
import auth from './auth/manifest';
import customers from './customers/manifest';
import dataQuality from './data-quality/manifest';
import databaseUpkeep from './database-upkeep/manifest';
import exchangeRates from './exchange-rates/manifest';
import imports from './imports/manifest';
import notes from './notes/manifest';
import notifications from './notifications/manifest';
import opportunities from './opportunities/manifest';
import orgSettings from './org-settings/manifest';
import outbox from './outbox/manifest';
import pool from './pool/manifest';
import prospects from './prospects/manifest';
import roles from './roles/manifest';
import salesEvents from './sales-events/manifest';
import search from './search/manifest';
import segments from './segments/manifest';
import setup from './setup/manifest';
import shipments from './shipments/manifest';
import tasks from './tasks/manifest';
import teams from './teams/manifest';
import users from './users/manifest';
import webhooks from './webhooks/manifest';

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
