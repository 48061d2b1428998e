import { createHash } from 'node:crypto';
import type { Attachment, AttachmentKind, attachmentListQuerySchema, Page } from '@berth/domain';
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type Ctx, can, inTransaction } from '../../platform/context';
import { afterCursor, orderByKeyset, toPage } from '../../platform/http/keyset';
import { iso, refusedAsForbidden, softDeleteVersioned } from '../../platform/versioned-write';
import { customerFor, onVisibleCustomer } from '../customers/public';
import { cleanFileName, type FileType, sniffFileType } from './sniff-file-type';
import { attachmentContents, attachments } from './tables';

type AttachmentRow = typeof attachments.$inferSelect;
const cols = { orgId: attachments.orgId, customerId: attachments.customerId, author: attachments.uploadedBy };

/** Attachments the caller may read, deleted or not (the timeline tells the deletion): on a visible customer, in scope. */
export function attachmentsInReadScope(ctx: Ctx): SQL {
  return and(eq(attachments.orgId, ctx.orgId), onVisibleCustomer(ctx, 'attachments', cols)) as SQL;
}

function toAttachment(row: AttachmentRow & { uploaderName: string | null; canDelete: boolean }): Attachment {
  return {
    id: row.id,
    customerId: row.customerId,
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
        ? sql<boolean>`${onVisibleCustomer(ctx, 'attachments', cols, 'delete')}`
        : sql<boolean>`false`,
    })
    .from(attachments)
    .leftJoin(users, and(eq(users.orgId, attachments.orgId), eq(users.id, attachments.uploadedBy)))
    .where(and(isNull(attachments.deletedAt), attachmentsInReadScope(ctx), where));
}

/** A customer's attachments, newest first; the file bytes are not read. */
export async function findAttachments(
  ctx: Ctx,
  customerId: string,
  query: z.infer<typeof attachmentListQuerySchema>,
): Promise<Page<Attachment>> {
  await customerFor(ctx, 'attachments', 'read', customerId);
  const keyset = { sort: attachments.id, id: attachments.id, direction: 'desc' as const, cursor: query.cursor };
  const rows = await selectAttachments(ctx, and(eq(attachments.customerId, customerId), afterCursor(keyset)))
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

/** Stores a file on a customer: the record (audited) and its bytes in a separate row, with their SHA-256. */
export async function createAttachment(
  ctx: Ctx,
  customerId: string,
  input: { kind: AttachmentKind; description?: string; file: UploadedFile },
): Promise<Attachment> {
  const fileName = cleanFileName(input.file.fileName);
  const type = checkFileType({ fileName, bytes: input.file.bytes });
  const sha256 = createHash('sha256').update(input.file.bytes).digest('hex');
  return inTransaction(ctx, async (tx) => {
    await customerFor(tx, 'attachments', 'create', customerId);
    const [row] = await tx.db
      .insert(attachments)
      .values({
        orgId: tx.orgId,
        customerId,
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
        onVisibleCustomer(ctx, 'attachments', cols),
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
      onVisibleCustomer(tx, 'attachments', cols, 'delete'),
    ) as SQL;
    await softDeleteVersioned(tx, attachments, where, expected).catch(refusedAsForbidden);
    await tx.db
      .delete(attachmentContents)
      .where(and(eq(attachmentContents.orgId, tx.orgId), eq(attachmentContents.attachmentId, id)));
  });
}
