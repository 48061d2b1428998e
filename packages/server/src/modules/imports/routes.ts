import fs from 'node:fs';
import type { Resource } from '@berth/domain';
import { importEndpoints } from '@berth/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps';
import { sendDownload } from '../../platform/export/export-writer';
import { multipartParts } from '../../platform/http/multipart-parts';
import { route } from '../../platform/http/route';
import { exportImportErrors } from './export-import-errors';
import { importTemplate } from './import-template';
import { importPermission, registeredImporters } from './importers';
import { getImport, previewImport, type SavedFile, saveUpload, startImport, type UploadedImport } from './start-import';

/**
 * Reads a multipart request: the file is saved to disk as it streams in and the text fields are
 * collected in whatever order they come; the handler runs once everything has arrived.
 */
async function readUpload<T>(
  request: FastifyRequest,
  { dataDir, limit }: { dataDir: string; limit: number },
  handle: (upload: UploadedImport) => Promise<T>,
): Promise<T> {
  const fields: Record<string, string> = {};
  let file: SavedFile | null = null;
  try {
    for await (const part of multipartParts(request)) {
      if (part.type === 'file') {
        if (file || part.fieldname !== 'file') {
          part.file.resume();
          continue;
        }
        file = await saveUpload(part, dataDir, request.ctx.orgId, limit);
      } else {
        fields[part.fieldname] = String(part.value ?? '');
      }
    }
    return await handle({ file, fields });
  } finally {
    // The import moved the file to its own place; anything left here is a preview or a refusal.
    if (file) await fs.promises.rm(file.path, { force: true });
  }
}

export function importRoutes(app: FastifyInstance, deps: AppDeps) {
  /** Each entity is imported with its importer's right (`customers.create`…); the use case checks which. */
  const importAccess = {
    anyPermission: registeredImporters().map((importer): [Resource, string] => [...importPermission(importer)]),
  };
  const dataDir = deps.config.dataDir;
  const uploads = { dataDir, limit: deps.config.IMPORT_LIMIT_BYTES };

  route(app, importEndpoints.preview, {
    access: importAccess,
    handler: (request) => readUpload(request, uploads, (upload) => previewImport(request.ctx, upload)),
  });
  route(app, importEndpoints.start, {
    access: importAccess,
    handler: async (request, reply) => {
      const started = await readUpload(request, uploads, (upload) => startImport(request.ctx, dataDir, upload));
      reply.header('Location', `/api/imports/${started.id}`);
      return started;
    },
  });
  route(app, importEndpoints.get, {
    access: importAccess,
    handler: (request) => getImport(request.ctx, request.params.id),
  });
  route(app, importEndpoints.errors, {
    access: importAccess,
    handler: async (request, reply) => {
      // Before the headers: an import that is not the caller's answers 404, not an empty file.
      const { stream, file } = await exportImportErrors(request.ctx, request.params.id);
      return sendDownload(reply, request.ctx, file, stream);
    },
  });
  route(app, importEndpoints.template, {
    access: importAccess,
    handler: async (request, reply) => {
      const { stream, file } = await importTemplate(request.ctx, request.params.entity);
      return sendDownload(reply, request.ctx, file, stream);
    },
  });
}
