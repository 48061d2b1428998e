import { installErrorMessages } from '../platform/error-catalogue';
import { installEventSubscribers } from '../platform/events';
import type { ServerModule } from '../platform/module';
import activities from './activities';
import apiKeys from './api-keys';
import attachments from './attachments';
import audit from './audit';
import auth from './auth';
import customers from './customers';
import dataQuality from './data-quality';
import databaseUpkeep from './database-upkeep';
import exchangeRates from './exchange-rates';
import imports from './imports';
import notes from './notes';
import notifications from './notifications';
import opportunities from './opportunities';
import orgSettings from './org-settings';
import outbox from './outbox';
import pool from './pool';
import prospects from './prospects';
import roles from './roles';
import salesEvents from './sales-events';
import search from './search';
import segments from './segments';
import setup from './setup';
import shipments from './shipments';
import tasks from './tasks';
import teams from './teams';
import users from './users';
import webhooks from './webhooks';

/**
 * The server's modules. The app registers their routes, the server their jobs; the customer
 * timeline, customer merge, the imports and the demo data iterate over their manifests. A new
 * module is a folder with an `index.ts` manifest and one line here (docs/adding-a-module.md).
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
