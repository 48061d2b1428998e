import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns';

/** An import of a CSV or .xlsx file, run as a durable job; counters advance batch by batch. */
export const imports = pgTable(
  'imports',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().default(sql`berth_uuidv7()`),
    entity: text('entity').notNull(),
    policy: text('policy').notNull(),
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
    /** The wizard's choices for the whole file that the entity's importer takes (a shipment import's source). */
    options: jsonb('options').$type<Record<string, string>>().notNull().default({}),
    fileName: text('file_name').notNull(),
    filePath: text('file_path').notNull(),
    encoding: text('encoding'),
    status: text('status').notNull().default('queued'),
    total: integer('total'),
    /** Data rows fully handled in committed batches; a restarted job continues after them. */
    processed: integer('processed').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    message: text('message'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index('imports_org_created_idx').on(t.orgId, t.id.desc())],
);

export const importErrors = pgTable(
  'import_errors',
  {
    orgId: uuid('org_id').notNull(),
    importId: uuid('import_id').notNull(),
    row: integer('row').notNull(),
    field: text('field').notNull(),
    message: text('message').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.importId, t.row, t.field] })],
);

/** The column mapping last used for a file with these headers, suggested next time. */
export const importMappings = pgTable(
  'import_mappings',
  {
    orgId: uuid('org_id').notNull(),
    entity: text('entity').notNull(),
    headerKey: text('header_key').notNull(),
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.entity, t.headerKey] })],
);
