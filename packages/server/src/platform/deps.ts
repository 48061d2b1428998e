import type { Clock } from '@berth/domain';
import type { Db } from '../db/database';
import type { Config } from './config';
import type { RouteAccess } from './http/access';
import type { JobRunner } from './jobs/job-runner';
import type { Mailer } from './outbox/mailer';

/** What route modules get from the app: the database, configuration and background services. */
export interface AppDeps {
  db: Db;
  engine: 'pglite' | 'postgres';
  config: Config;
  jobs: JobRunner;
  mailer: Mailer;
  routeTable: RouteAccess[];
  /** What time requests and jobs see: the system clock, or a test's. */
  clock: Clock;
}
