import { attachmentEndpoints, attachmentFieldsSchema } from '@berth/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/app-error';
import type { AppDeps } from '../../platform/deps';
import { errorMessage } from '../../platform/error-catalogue';
import { contentDisposition } from '../../platform/export/content-disposition';
import { multipartParts } from '../../platform/http/multipart-parts';
import { route } from '../../platform/http/route';
import { expectedVersion, sendWithEtag } from '../../platform/http/versioning';
import { customerFor } from '../customers/public';
import {
  attachmentContent,
  createAttachment,
  deleteAttachment,
  findAttachments,
  type UploadedFile,
} from './attachments';
import { showsInline } from './sniff-file-type';

/** Reads the multipart form: one `file` (at most `limit` bytes, else 413) and the text fields. */
async function readForm(
  request: FastifyRequest,
  limit: number,
): Promise<{ file: UploadedFile | null; fields: Record<string, string> }> {
  const fields: Record<string, string> = {};
  let file: UploadedFile | null = null;
  for await (const part of multipartParts(request, { limits: { fileSize: limit, files: 1 } })) {
    if (part.type === 'file') {
      if (file || part.fieldname !== 'file') {
        part.file.resume();
        continue;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of part.file) chunks.push(chunk as Buffer);
      if (part.file.truncated) {
        const mib = Math.round((limit / 1024 / 1024) * 10) / 10;
        throw new AppError('attachment.too_large', 413, {
          detail: `${errorMessage('attachment.too_large', request.ctx.locale)} (≤ ${mib} MiB)`,
        });
      }
      file = { fileName: part.filename ?? '', bytes: Buffer.concat(chunks) };
    } else {
      fields[part.fieldname] = String(part.value ?? '');
    }
  }
  return { file, fields };
}

export function attachmentRoutes(app: FastifyInstance, deps: AppDeps) {
  const limit = deps.config.ATTACHMENT_LIMIT_BYTES;

  route(app, attachmentEndpoints.list, {
    access: { permission: ['attachments', 'read'] },
    handler: (request) => findAttachments(request.ctx, request.params.id, request.query),
  });
  route(app, attachmentEndpoints.create, {
    access: { permission: ['attachments', 'create'] },
    handler: async (request, reply) => {
      // Out-of-scope customers answer 404 before a byte of the upload is read.
      await customerFor(request.ctx, 'attachments', 'create', request.params.id);
      const { file, fields } = await readForm(request, limit);
      if (!file || file.bytes.length === 0) throw AppError.validation('file', 'attachment.file_required');
      const parsed = attachmentFieldsSchema.safeParse({
        kind: fields.kind || undefined,
        description: fields.description || undefined,
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw AppError.validation(String(issue?.path[0] ?? 'kind'), 'validation.invalid_value');
      }
      const created = await createAttachment(request.ctx, request.params.id, { ...parsed.data, file });
      return sendWithEtag(reply, created);
    },
  });
  route(app, attachmentEndpoints.content, {
    access: { permission: ['attachments', 'read'] },
    handler: async (request, reply) => {
      const file = await attachmentContent(request.ctx, request.params.id);
      return reply
        .header('Content-Type', file.contentType)
        .header(
          'Content-Disposition',
          contentDisposition(showsInline(file.contentType) ? 'inline' : 'attachment', file.fileName),
        )
        .header('X-Content-Type-Options', 'nosniff')
        .send(file.bytes);
    },
  });
  route(app, attachmentEndpoints.delete, {
    access: { permission: ['attachments', 'delete'] },
    handler: (request) => deleteAttachment(request.ctx, request.params.id, expectedVersion(request)),
  });
}
