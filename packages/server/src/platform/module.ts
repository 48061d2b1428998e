import type { ErrorBundle, ImportEntity, Resource, timelineEntrySchema } from '@berth/domain';
import type { SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { Db } from '../db/database';
import type { Ctx } from './context';
import type { AppDeps } from './deps';
import type { EventSubscriber } from './events';
import type { Job } from './jobs/job-runner';

/**
 * What a server module plugs into the application, declared once in `modules/<module>/index.ts`
 * and named in the one list `modules/index.ts`. The app, the job runner, the customer timeline,
 * customer merge, the import framework and the demo data iterate over these lists; none of them
 * names a module. See docs/decisions/0003-module-manifest.md.
 */
export interface ServerModule {
  /** The module's folder name. */
  name: string;
  /**
   * The permission resources this module guards. The resources and their actions stay catalogued
   * in the domain (the console's role matrix reads them); this says which module answers for each.
   */
  resources?: readonly Resource[];
  /**
   * The module's error codes and their messages, under its own prefixes (`defineErrorMessages` in
   * the domain). The module list installs them for problem+json; the console reads the same bundle
   * from the domain's `moduleErrorBundles`.
   */
  errors?: ErrorBundle;
  /** Registers the module's HTTP routes. */
  routes?: (app: FastifyInstance, deps: AppDeps) => void;
  /** Queued jobs (enqueued by name) and recurring ones (with `everyMs`). */
  jobs?: readonly ModuleJob[];
  /** The module's entries on the customer timeline. */
  timeline?: readonly TimelineContributor[];
  /** Moves the module's records from one customer to the other, inside the merge transaction. */
  customerMerge?: CustomerMergeStep;
  /** File imports of the module's records. */
  importers?: readonly Importer[];
  /** The module's part of the demo organisation. */
  demo?: DemoLoader;
  /** Reactions to other modules' domain events (platform/events.ts). */
  subscribers?: readonly EventSubscriber[];
}

/** Checks a manifest against the contract and keeps its literal type. */
export function defineModule<const M extends ServerModule>(module: M): M {
  return module;
}

export interface ModuleJob {
  name: string;
  /** Run again this long after each run; without it the job runs when enqueued. */
  everyMs?: number;
  /** `job.clock` is the time of this run: pass it on to the contexts the job makes. */
  run: (job: Job, db: Db, deps: AppDeps) => Promise<unknown>;
}

export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/**
 * Entries of the audit log about one kind of record that hangs off the customer. The timeline asks
 * every contributor for the ids of its records the caller may see and reads their audit entries in
 * one query, one branch `a.entity = <entity> and a.entity_id = any(array(<ids>))` per contributor.
 */
export interface AuditTimelineContributor {
  from: 'audit';
  /** The audited table, as the audit log names it. */
  entity: string;
  /** The entries' `kind` on the timeline. */
  kind: string;
  /** Deleting marks the record (`deleted_at`) instead of removing it: that update reads as a deletion. */
  softDelete?: boolean;
  /** The resource whose `read` permission the caller needs to see any of these entries. */
  readPermission?: Resource;
  /**
   * A subquery of the ids (as text) of the module's records on the customer that the caller may see,
   * by the module's own read rule — the scope function its list and get routes use, never a copy —
   * or null when the caller may see none. The caller may read the customer itself.
   */
  visibleIds: (ctx: Ctx, customerId: string) => SQL | null | Promise<SQL | null>;
}

/** Timeline entries a module keeps in a table of its own (ownership changes), merged into each page by id. */
export interface OwnTimelineContributor {
  from: 'own';
  kind: string;
  /** The newest `limit` entries with ids before `before`, newest first. */
  entries: (ctx: Ctx, customerId: string, page: { limit: number; before: string | null }) => Promise<TimelineEntry[]>;
  /** Audit rows (alias `a`) that these entries tell better, left off the timeline. */
  replacesAudit?: SQL;
}

export type TimelineContributor = AuditTimelineContributor | OwnTimelineContributor;

/** Work a module does when two customers become one: move its records from `sourceId` to `targetId`. */
export type CustomerMergeStep = (ctx: Ctx, sourceId: string, targetId: string) => Promise<void>;

/** Rows of an import file as field → cell text, with their sheet row number. */
export type ImportRows = { row: number; values: Record<string, string> }[];
export type ImportPolicy = 'skip' | 'update' | 'create';

export interface ImportBatchResult {
  created: number;
  updated: number;
  skipped: number;
  errors: { row: number; field: string; message: string }[];
}

/**
 * An entity that files can be imported into. The fields, labels and required columns of the mapping
 * are the domain's (`importCatalog`, shared with the console); this is the server's half.
 */
export interface Importer {
  entity: ImportEntity;
  /** Importing needs `<resource>.create` (and `.update` for the update policy). */
  resource: Resource;
  /** The tables an import grows, refreshed (VACUUM ANALYZE) as the import goes. */
  grownTables: SQL;
  /** Loads what the whole file needs once and returns the writer of one batch (in the batch's transaction). */
  prepare: (ctx: Ctx, policy: ImportPolicy) => Promise<(tx: Ctx, rows: ImportRows) => Promise<ImportBatchResult>>;
}

/** The demo organisation as the setup made it: its administrator and the sales users (managers, reps). */
export interface DemoOrganization {
  db: Db;
  orgId: string;
  adminId: string;
  sales: { id: string; teamId: string | null }[];
  /** Customers made by the customers loader, in code order, for the loaders after it. */
  customers: { id: string; ownerId: string; teamId: string | null }[];
  now: Date;
}

export interface DemoLoader {
  /** Modules whose demo data this one builds on; they load first. */
  after?: readonly string[];
  load: (demo: DemoOrganization) => Promise<void>;
}
