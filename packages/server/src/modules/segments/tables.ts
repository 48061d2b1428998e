import type { CustomerFilters, SavedViewState } from '@berth/domain';
import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { id, orgId, versioned } from '../../db/columns';
import { users } from '../../db/schema';

/** Segments: named customer filters, shared with the organisation or private to their owner. */
export const segments = pgTable(
  'segments',
  {
    orgId: orgId(),
    id: id(),
    name: text('name').notNull(),
    description: text('description'),
    filters: jsonb('filters').$type<CustomerFilters>().notNull(),
    shared: boolean('shared').notNull().default(true),
    ownerId: uuid('owner_id').notNull(),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('segments_org_owner_idx').on(t.orgId, t.ownerId, t.id.desc()),
    index('segments_org_id_desc_idx').on(t.orgId, t.id.desc()),
    foreignKey({ columns: [t.orgId, t.ownerId], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** A user's saved filters, sort and columns of a list; shared views are offered to everyone. */
export const savedViews = pgTable(
  'saved_views',
  {
    orgId: orgId(),
    id: id(),
    resource: text('resource').notNull(),
    name: text('name').notNull(),
    shared: boolean('shared').notNull().default(false),
    ownerId: uuid('owner_id').notNull(),
    state: jsonb('state').$type<SavedViewState>().notNull(),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('saved_views_org_resource_owner_idx').on(t.orgId, t.resource, t.ownerId),
    index('saved_views_org_resource_shared_idx').on(t.orgId, t.resource).where(sql`shared`),
    foreignKey({ columns: [t.orgId, t.ownerId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
  ],
);
