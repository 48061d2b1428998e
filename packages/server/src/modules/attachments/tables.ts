import { sql } from 'drizzle-orm';
import { bigint, check, customType, foreignKey, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { id, orgId, ts, versioned } from '../../db/columns';
import { referencesContact, referencesCustomer } from '../customers';
import { referencesOpportunity } from '../opportunities';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  // PGlite answers a Uint8Array, node-postgres a Buffer.
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * Files on a customer (business licence, contract scans), or on one of its contacts or opportunities (then
 * `contact_id` or `opportunity_id` says which, and the file follows that record's scope). The record is listed without its bytes, which live in
 * `attachment_contents`; a deleted attachment keeps its record for the timeline and loses its bytes.
 */
export const attachments = pgTable(
  'attachments',
  {
    orgId: orgId(),
    id: id(),
    customerId: uuid('customer_id').notNull(),
    contactId: uuid('contact_id'),
    opportunityId: uuid('opportunity_id'),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    /** Decided from the file's own bytes, never from what the client said. */
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    description: text('description'),
    uploadedBy: uuid('uploaded_by'),
    deletedAt: ts('deleted_at'),
    ...versioned(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('attachments_org_customer_idx').on(t.orgId, t.customerId, t.id.desc()),
    index('attachments_org_contact_idx').on(t.orgId, t.contactId, t.id.desc()).where(sql`contact_id is not null`),
    index('attachments_org_opportunity_idx')
      .on(t.orgId, t.opportunityId, t.id.desc())
      .where(sql`opportunity_id is not null`),
    referencesCustomer(t.orgId, t.customerId),
    referencesContact(t.orgId, t.contactId),
    referencesOpportunity(t.orgId, t.opportunityId),
    check('attachments_one_owner_ck', sql`contact_id is null or opportunity_id is null`),
  ],
);

export const attachmentContents = pgTable(
  'attachment_contents',
  {
    orgId: orgId(),
    attachmentId: uuid('attachment_id').notNull(),
    content: bytea('content').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.attachmentId] }),
    foreignKey({ columns: [t.orgId, t.attachmentId], foreignColumns: [attachments.orgId, attachments.id] }).onDelete(
      'cascade',
    ),
  ],
);
