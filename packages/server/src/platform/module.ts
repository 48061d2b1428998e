import type {
  Endpoint,
  EndpointResponse,
  ErrorBundle,
  ImportEntity,
  ImportEntityCatalog,
  Resource,
  SearchHit,
  SearchKind,
  timelineEntrySchema,
} from '@berth/domain';
import type { SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { Db } from '../db/database';
import type { Ctx } from './context';
import type { AppDeps } from './deps';
import type { EventSubscriber } from './events';
import type { Access } from './http/access';
import type { Job } from './jobs/job-runner';

/**
 * What a server module plugs into the application, declared once in `modules/<module>/manifest.ts`
 * and named in the one list `server-modules.ts`. The app, the job runner, the customer timeline,
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
  /** Names of the module's records for the audit log, by audited table. */
  auditNames?: readonly AuditNamer[];
  /** Moves the module's records from one customer to the other, inside the merge transaction. */
  customerMerge?: CustomerMergeStep;
  /** File imports of the module's records. */
  importers?: readonly Importer[];
  /** The module's part of the demo organisation. */
  demo?: DemoLoader;
  /** Reactions to other modules' domain events (platform/events.ts). */
  subscribers?: readonly EventSubscriber[];
  /** The module's cards on the home page: their data, within the caller's rights and scope. */
  homeCards?: readonly HomeCard[];
  /** The module's part of the global search (`GET /api/search`): one provider per kind of record it finds. */
  searchProviders?: readonly SearchProvider[];
}

/**
 * One kind of record in the global search. The search asks only the providers whose `resource` the caller may
 * read, and each answers by the same rules as the kind's own list: the caller's data scope in the SQL and the field
 * rights of the record (a contact is not found by personal data the caller sees masked). A hit names no guarded
 * field.
 */
export interface SearchProvider {
  kind: SearchKind;
  /** The resource whose `read` right the caller needs for any hit of this kind. */
  resource: Resource;
  /** Up to `limit` matches of `text` (the caller's term, trimmed), best first, and whether there are more. */
  search: (ctx: Ctx, text: string, limit: number) => Promise<{ items: SearchHit[]; more: boolean }>;
}

let installed: readonly ServerModule[] | undefined;

/** Hands the platform the module list; called once by the list as it loads (server-modules.ts). */
export function installModules(modules: readonly ServerModule[]): void {
  installed = modules;
}

/**
 * The server's modules, for the code that iterates over their manifests (customer timeline and merge, imports,
 * global search, audit names, demo data). A module reads the list here rather than importing it, so no module
 * depends on the list that names it.
 */
export function installedModules(): readonly ServerModule[] {
  if (!installed) throw new Error('The module list is not loaded: import server-modules.ts before using it');
  return installed;
}

/** Checks a manifest against the contract and keeps its literal type. */
export function defineModule<const M extends ServerModule>(module: M): M {
  return module;
}

export interface ModuleJob {
  name: string;
  /** Run again this long after each run; without it the job runs when enqueued. */
  everyMs?: number;
  /**
   * Also queued, due at once, whenever the server starts (one instance at a time): work that must not wait for
   * the next interval, such as filling in what records written by an older version lack.
   */
  atStart?: boolean;
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

/** What the audit log shows for a record it mentions: its name, and its code where it has one. */
export interface AuditRecordName {
  id: string;
  name: string;
  code?: string | null;
}

/**
 * Names of one audited table's records, for the audit log: one set-based query for the ids on a page,
 * answering only the records the caller may read by the module's own scope function (a record outside
 * it stays a bare id), and only fields every reader of the record may see.
 */
export interface AuditNamer {
  /** The audited table, as the audit log names it. */
  entity: string;
  /**
   * The resource whose read right decides who may see these records. A reader without organisation-wide
   * read on it sees the entries of records outside their scope without their changes (which would name them).
   */
  resource: Resource;
  names: (ctx: Ctx, ids: string[]) => Promise<AuditRecordName[]>;
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

/** How many records of one kind a merge would move (the merge dialog shows it before the user confirms). */
export interface MergeMoveCount {
  /** The kind of record, as the console names it (`opportunities`, `notes`…). */
  kind: string;
  count: number;
}

/** Work a module does when two customers become one. */
export interface CustomerMergeStep {
  /** Moves the module's records from `sourceId` to `targetId`, inside the merge transaction. */
  move: (ctx: Ctx, sourceId: string, targetId: string) => Promise<void>;
  /**
   * What `move` would move, per kind, counted among the records the caller may read by the module's own read rule
   * (none of a kind whose resource the caller may not read: the kind is left out).
   */
  preview: (ctx: Ctx, sourceId: string) => Promise<MergeMoveCount[]>;
}

/** Rows of an import file as field → cell text, with their sheet row number, and what `readRow` made of them. */
export type ImportRows<Row = unknown> = { row: number; values: Record<string, string>; value?: Row }[];
export type ImportPolicy = 'skip' | 'update' | 'create';
/** Choices made for the whole file in the wizard (a shipment import's source), sent as multipart fields. */
export type ImportOptions = Readonly<Record<string, string>>;

export interface ImportBatchResult {
  created: number;
  updated: number;
  skipped: number;
  errors: { row: number; field: string; message: string }[];
}

/** A row's cells read for the writer, or the problems that keep it out (each reported by field and sheet row). */
export interface ImportRowReading<Row> {
  value: Row | null;
  /** Each problem in the import's language (`errorMessage(code, ctx.locale)`). */
  problems: { field: string; message: string }[];
}

/**
 * An entity that files can be imported into, registered in its module's manifest. `columns` is the domain's
 * entry of `importCatalog` (fields, their zh-CN and en header aliases, mapping suggestion, required columns,
 * shared with the console); the rest is the server's half. The import framework names no entity.
 */
export interface Importer<Row = unknown> {
  entity: ImportEntity;
  /** Importing needs `<resource>.<action>` (`create` unless told; `.update` too for the update policy). */
  resource: Resource;
  action?: 'create' | 'update';
  /** The columns a file may have (the domain's catalogue entry for the entity). */
  columns: ImportEntityCatalog;
  /** Further checks before a file is accepted (an organisation-wide right, say); throws AppError. */
  authorize?: (ctx: Ctx, policy: ImportPolicy) => void;
  /** The option fields the wizard may send for the whole file, each checked (throws AppError) and normalised. */
  options?: Readonly<Record<string, (value: string | undefined) => string>>;
  /**
   * Options the server works out for the whole file when it is started (the importing user's time zone, say),
   * stored with the import so that a resumed import reads its rows the same way.
   */
  startOptions?: (ctx: Ctx) => Promise<ImportOptions>;
  /** The tables an import grows, refreshed (VACUUM ANALYZE) as the import goes. */
  grownTables: SQL;
  /**
   * Per-row reading and validation: the cells as the row the writer takes (the module's input schema), or the
   * problems of the row, which is then reported and left out while the rest of the batch goes on.
   */
  readRow?: (values: Record<string, string>, options: ImportOptions, ctx: Ctx) => ImportRowReading<Row>;
  /** Loads what the whole file needs once and returns the writer of one batch (in the batch's transaction). */
  prepare: (
    ctx: Ctx,
    policy: ImportPolicy,
    options: ImportOptions,
  ) => Promise<(tx: Ctx, rows: ImportRows<Row>) => Promise<ImportBatchResult>>;
}

/** Declares an importer with its row type checked; the manifest's list holds it with the row type erased. */
export function defineImporter<Row>(importer: Importer<Row>): Importer {
  return importer as unknown as Importer;
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

/**
 * A card of the home page, served by the module that owns its data. The endpoint is declared in the module's
 * domain `endpoints.ts` (GET, under `/api/home/`, tag `Home`); the app registers its route from here with the
 * access rule, and `load` answers for the caller: their permissions, data scope and field rights, in set-based
 * statements (a card is on every user's first page). The console draws it from the module's web manifest.
 */
export interface HomeCard<E extends Endpoint = Endpoint> {
  endpoint: E;
  access: Access;
  load: (ctx: Ctx) => Promise<EndpointResponse<E>>;
}

/** Declares a home card with its answer checked against the endpoint; the manifest's list holds it erased. */
export function defineHomeCard<E extends Endpoint>(card: HomeCard<E>): HomeCard {
  return card as unknown as HomeCard;
}
