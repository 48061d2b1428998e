import { createHash } from 'node:crypto';
import type { Attachment, AttachmentKind, attachmentListQuerySchema, Page } from '@berth/domain';
import { and, eq, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type Ctx, can, inTransaction } from '../../platform/context';
import { afterCursor, orderByKeyset, toPage } from '../../platform/http/keyset';
import { iso, refusedAsForbidden, softDeleteVersioned } from '../../platform/versioned-write';
import { contactRef, customerFor, onVisibleContact, onVisibleCustomer } from '../customers';
import { assertOpportunityVisible, onVisibleOpportunity } from '../opportunities';
import { cleanFileName, type FileType, sniffFileType } from './sniff-file-type';
import { attachmentContents, attachments } from './tables';

type AttachmentRow = typeof attachments.$inferSelect;
const cols = { orgId: attachments.orgId, customerId: attachments.customerId, author: attachments.uploadedBy };

const contactCols = { orgId: attachments.orgId, contactId: attachments.contactId };
const opportunityCols = { orgId: attachments.orgId, opportunityId: attachments.opportunityId };

/**
 * Attachments follow the record they are on: a customer's by the attachments scope over the customer, a
 * contact's by the contact's scope, an opportunity's by the opportunity's — who cannot `read` the opportunity
 * cannot read its files; changes need the record's `update` scope (the customer's `attachments` scope for
 * the action on a customer's own files).
 */
function onOwningRecord(ctx: Ctx, action: 'read' | 'delete'): SQL {
  const recordAction = action === 'read' ? 'read' : 'update';
  return or(
    and(
      isNull(attachments.contactId),
      isNull(attachments.opportunityId),
      onVisibleCustomer(ctx, 'attachments', cols, action),
    ),
    // A role without the right over contacts or opportunities reads none of their files.
    can(ctx, 'contacts', recordAction)
      ? and(isNotNull(attachments.contactId), onVisibleContact(ctx, contactCols, recordAction))
      : undefined,
    can(ctx, 'opportunities', recordAction)
      ? and(isNotNull(attachments.opportunityId), onVisibleOpportunity(ctx, opportunityCols, recordAction))
      : undefined,
  ) as SQL;
}

/** Attachments the caller may read, deleted or not (the timeline tells the deletion): on a record in scope. */
export function attachmentsInReadScope(ctx: Ctx): SQL {
  return and(eq(attachments.orgId, ctx.orgId), onOwningRecord(ctx, 'read')) as SQL;
}

/** What an attachment is on: a customer (itself), or one of its contacts or opportunities. */
export type AttachmentTarget =
  | { owner: 'customer'; id: string }
  | { owner: 'contact'; id: string }
  | { owner: 'opportunity'; id: string };

function toAttachment(row: AttachmentRow & { uploaderName: string | null; canDelete: boolean }): Attachment {
  return {
    id: row.id,
    customerId: row.customerId,
    contactId: row.contactId,
    opportunityId: row.opportunityId,
    kind: row.kind as AttachmentKind,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    description: row.description,
    uploadedBy: row.uploadedBy,
    uploaderName: row.uploaderName,
    canDelete: Boolean(row.canDelete),
    version: row.version,
    createdAt: iso(row.createdAt) as string,
  };
}

function selectAttachments(ctx: Ctx, where: SQL | undefined) {
  return ctx.db
    .select({
      attachment: attachments,
      uploaderName: users.name,
      canDelete: can(ctx, 'attachments', 'delete')
        ? sql<boolean>`${onOwningRecord(ctx, 'delete')}`
        : sql<boolean>`false`,
    })
    .from(attachments)
    .leftJoin(users, and(eq(users.orgId, attachments.orgId), eq(users.id, attachments.uploadedBy)))
    .where(and(isNull(attachments.deletedAt), attachmentsInReadScope(ctx), where));
}

/**
 * The record an attachment goes on or is listed for, if the caller may `action` it (else 404): the customer
 * with its attachments scope, a contact or an opportunity with its own scope (`update` to add files).
 */
async function owningRecord(
  ctx: Ctx,
  target: AttachmentTarget,
  action: 'read' | 'create',
): Promise<{ customerId: string; contactId: string | null; opportunityId: string | null }> {
  switch (target.owner) {
    case 'customer':
      await customerFor(ctx, 'attachments', action, target.id);
      return { customerId: target.id, contactId: null, opportunityId: null };
    case 'contact': {
      if (!can(ctx, 'contacts', action === 'read' ? 'read' : 'update')) throw AppError.notFound();
      const [row] = await ctx.db
        .select({ customerId: contactRef.customerId })
        .from(contactRef)
        .where(
          and(
            eq(contactRef.orgId, ctx.orgId),
            eq(contactRef.id, target.id),
            onVisibleContact(
              ctx,
              { orgId: contactRef.orgId, contactId: contactRef.id },
              action === 'read' ? 'read' : 'update',
            ),
          ),
        );
      if (!row) throw AppError.notFound();
      return { customerId: row.customerId, contactId: target.id, opportunityId: null };
    }
    case 'opportunity': {
      if (!can(ctx, 'opportunities', action === 'read' ? 'read' : 'update')) throw AppError.notFound();
      const opportunity = await assertOpportunityVisible(ctx, target.id, action === 'read' ? 'read' : 'update');
      return { customerId: opportunity.customerId, contactId: null, opportunityId: target.id };
    }
  }
}

/** Throws 404 unless the caller may add files to the record (before a byte of an upload is read). */
export async function assertAttachable(ctx: Ctx, target: AttachmentTarget): Promise<void> {
  await owningRecord(ctx, target, 'create');
}

/**
 * A record's attachments, newest first; the file bytes are not read. A customer's list holds the files on the
 * customer itself; those on its contacts and opportunities are listed with them.
 */
export async function findAttachments(
  ctx: Ctx,
  target: AttachmentTarget,
  query: z.infer<typeof attachmentListQuerySchema>,
): Promise<Page<Attachment>> {
  const owner = await owningRecord(ctx, target, 'read');
  const of =
    target.owner === 'customer'
      ? and(
          eq(attachments.customerId, owner.customerId),
          isNull(attachments.contactId),
          isNull(attachments.opportunityId),
        )
      : target.owner === 'contact'
        ? eq(attachments.contactId, target.id)
        : eq(attachments.opportunityId, target.id);
  const keyset = { sort: attachments.id, id: attachments.id, direction: 'desc' as const, cursor: query.cursor };
  const rows = await selectAttachments(ctx, and(of, afterCursor(keyset)))
    .orderBy(...orderByKeyset(keyset))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (r) => [r.attachment.id, r.attachment.id],
    (r) => toAttachment({ ...r.attachment, uploaderName: r.uploaderName, canDelete: r.canDelete }),
  );
}

export async function getAttachment(ctx: Ctx, id: string): Promise<Attachment> {
  const [row] = await selectAttachments(ctx, eq(attachments.id, id));
  if (!row) throw AppError.notFound();
  return toAttachment({ ...row.attachment, uploaderName: row.uploaderName, canDelete: row.canDelete });
}

export interface UploadedFile {
  fileName: string;
  bytes: Buffer;
}

/** Checks the file's type from its bytes: 415 when it is not an accepted type or does not match its name. */
export function checkFileType(file: UploadedFile): FileType {
  const result = sniffFileType(file.bytes, file.fileName);
  if (result.ok) return result.type;
  throw new AppError(result.reason === 'mismatch' ? 'attachment.type_mismatch' : 'attachment.type_unsupported', 415, {
    fields: [
      {
        field: 'file',
        code: result.reason === 'mismatch' ? 'attachment.type_mismatch' : 'attachment.type_unsupported',
        message: result.reason === 'mismatch' ? 'attachment.type_mismatch' : 'attachment.type_unsupported',
      },
    ],
  });
}

/** Stores a file on a record: the attachment (audited) and its bytes in a separate row, with their SHA-256. */
export async function createAttachment(
  ctx: Ctx,
  target: AttachmentTarget,
  input: { kind: AttachmentKind; description?: string; file: UploadedFile },
): Promise<Attachment> {
  const fileName = cleanFileName(input.file.fileName);
  const type = checkFileType({ fileName, bytes: input.file.bytes });
  const sha256 = createHash('sha256').update(input.file.bytes).digest('hex');
  return inTransaction(ctx, async (tx) => {
    const owner = await owningRecord(tx, target, 'create');
    const [row] = await tx.db
      .insert(attachments)
      .values({
        orgId: tx.orgId,
        ...owner,
        kind: input.kind,
        fileName,
        contentType: type.contentType,
        sizeBytes: input.file.bytes.length,
        sha256,
        description: input.description || null,
        uploadedBy: tx.userId,
      })
      .returning({ id: attachments.id });
    const id = (row as { id: string }).id;
    await tx.db.insert(attachmentContents).values({ orgId: tx.orgId, attachmentId: id, content: input.file.bytes });
    return getAttachment(tx, id);
  });
}

/** The file for download, if the caller can read the attachment; 404 otherwise. */
export async function attachmentContent(
  ctx: Ctx,
  id: string,
): Promise<{ fileName: string; contentType: string; sha256: string; bytes: Buffer }> {
  const [row] = await ctx.db
    .select({
      fileName: attachments.fileName,
      contentType: attachments.contentType,
      sha256: attachments.sha256,
      content: attachmentContents.content,
    })
    .from(attachments)
    .innerJoin(
      attachmentContents,
      and(eq(attachmentContents.orgId, attachments.orgId), eq(attachmentContents.attachmentId, attachments.id)),
    )
    .where(
      and(
        eq(attachments.orgId, ctx.orgId),
        eq(attachments.id, id),
        isNull(attachments.deletedAt),
        onOwningRecord(ctx, 'read'),
      ),
    );
  if (!row) throw AppError.notFound();
  return { fileName: row.fileName, contentType: row.contentType, sha256: row.sha256, bytes: row.content };
}

/**
 * Deletes an attachment (If-Match optional): its bytes are removed, its record stays marked deleted so the
 * timeline keeps showing that it existed and who removed it.
 */
export async function deleteAttachment(ctx: Ctx, id: string, expected: number | undefined): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await getAttachment(tx, id);
    const where = and(
      eq(attachments.orgId, tx.orgId),
      eq(attachments.id, id),
      isNull(attachments.deletedAt),
      onOwningRecord(tx, 'delete'),
    ) as SQL;
    await softDeleteVersioned(tx, attachments, where, expected).catch(refusedAsForbidden);
    await tx.db
      .delete(attachmentContents)
      .where(and(eq(attachmentContents.orgId, tx.orgId), eq(attachmentContents.attachmentId, id)));
  });
}

/** A contact moved to another customer takes its files along (they follow the contact's scope). */
export async function moveContactAttachments(
  ctx: Pick<Ctx, 'orgId' | 'db'>,
  contactId: string,
  toCustomerId: string,
): Promise<void> {
  await ctx.db
    .update(attachments)
    .set({ customerId: toCustomerId })
    .where(and(eq(attachments.orgId, ctx.orgId), eq(attachments.contactId, contactId)));
}
