import fs from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type ImportEntity, type ImportRecord, importPolicies, missingImportColumn } from '@berth/domain';
import type { MultipartFile } from '@fastify/multipart';
import { and, asc, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { AppError } from '../../platform/app-error';
import { type Ctx, can, inTransaction, requireScope } from '../../platform/context';
import { enqueueJob } from '../../platform/jobs/job-runner';
import type { Importer, ImportOptions, ImportPolicy } from '../../platform/module';
import { iso } from '../../platform/versioned-write';
import { cleanFileName } from '../attachments';
import { ensureDirectoryFor, headerKey, importFilePath } from './import-files';
import { importJob } from './import-job';
import { importerOf, importPermission, registeredImporters } from './importers';
import {
  detectEncoding,
  type FileKind,
  fileKindOf,
  type HeaderScore,
  mappingScore,
  readRows,
  rowsFromHeader,
} from './read-rows';
import { SpreadsheetTooLarge } from './spreadsheet-limits';
import { importErrors, importMappings, imports } from './tables';

export interface SavedFile {
  path: string;
  kind: FileKind;
  name: string;
}

/** A multipart upload once read: the text fields (in any order) and the file saved to disk. */
export interface UploadedImport {
  file: SavedFile | null;
  fields: Record<string, string>;
}

/**
 * Passes on the first `limit` bytes and drops the rest, so the request is still read to its end
 * (the multipart parser needs that) while nothing more reaches the disk.
 */
function firstBytes(limit: number) {
  let seen = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      seen += chunk.length;
      done(null, seen > limit ? undefined : chunk);
    },
  });
  return { stream, exceeded: () => seen > limit };
}

/** Saves the upload to disk as it arrives (never whole in memory), at most `limit` bytes, and checks its type. */
export async function saveUpload(
  file: MultipartFile,
  dataDir: string,
  orgId: string,
  limit: number,
): Promise<SavedFile> {
  // A part sent with an empty file name (`filename=""`) arrives without one.
  const fileName = file.filename ?? '';
  const kind = fileKindOf(fileName);
  if (!kind) {
    file.file.resume();
    throw AppError.validation('file', 'import.file_type');
  }
  const path = importFilePath(dataDir, orgId, `upload-${uuidv7()}`, kind);
  await ensureDirectoryFor(path);
  const limited = firstBytes(limit);
  await pipeline(file.file, limited.stream, fs.createWriteStream(path));
  if (limited.exceeded() || file.file.truncated) {
    await fs.promises.rm(path, { force: true });
    throw new AppError('request.too_large', 413);
  }
  return { path, kind, name: cleanFileName(fileName) };
}

function requireFile(upload: UploadedImport): SavedFile {
  if (!upload.file) throw AppError.validation('file', 'import.file_required');
  return upload.file;
}

/**
 * The rows of an upload being looked at in a request, from its header row on: a file the readers
 * cannot parse is the uploader's mistake.
 */
async function* uploadedRows(path: string, kind: FileKind, encoding: string, score: HeaderScore) {
  try {
    yield* rowsFromHeader(readRows(path, kind, encoding), score);
  } catch (error) {
    const code = error instanceof SpreadsheetTooLarge ? 'import.spreadsheet_too_large' : 'import.file_unreadable';
    throw new AppError('validation.failed', 422, { fields: [{ field: 'file', code, message: code }], cause: error });
  }
}

async function headersOf(path: string, kind: FileKind, encoding: string, score: HeaderScore): Promise<string[]> {
  for await (const row of uploadedRows(path, kind, encoding, score)) return row.cells;
  return [];
}

/** Without a mapping, the header row is the one with the most cells named like a field. */
const labelScore =
  (importer: Importer): HeaderScore =>
  (cells) =>
    Object.keys(importer.columns.suggest(cells)).length;

async function rememberedMapping(ctx: Ctx, entity: string, headers: string[]) {
  const [saved] = await ctx.db
    .select({ mapping: importMappings.mapping })
    .from(importMappings)
    .where(
      and(
        eq(importMappings.orgId, ctx.orgId),
        eq(importMappings.entity, entity),
        eq(importMappings.headerKey, headerKey(headers)),
      ),
    );
  return saved?.mapping ?? null;
}

/** The entity a request imports (customers unless told otherwise) and the module's importer of it. */
function importerFor(upload: UploadedImport): { entity: ImportEntity; importer: Importer } {
  const importer = importerOf(upload.fields.entity || 'customers');
  if (!importer) throw AppError.validation('entity', 'validation.invalid_value');
  return { entity: importer.entity, importer };
}

/** The rights an import needs: the importer's, `update` too for the update policy, and its own checks. */
function authorizeImport(ctx: Ctx, importer: Importer, policy: string): void {
  const [resource, action] = importPermission(importer);
  requireScope(ctx, resource, action);
  if (policy === 'update') requireScope(ctx, resource, 'update');
  importer.authorize?.(ctx, policy as ImportPolicy);
}

/** The importer's file-wide options from the upload's fields, each checked and normalised by the importer. */
function importOptions(importer: Importer, fields: Record<string, string>): ImportOptions {
  return Object.fromEntries(
    Object.entries(importer.options ?? {}).map(([name, read]) => [name, read(fields[name] || undefined)]),
  );
}

/** The first rows of a file with its detected encoding and the mapping that will be used. */
export async function previewImport(ctx: Ctx, upload: UploadedImport) {
  const { entity, importer } = importerFor(upload);
  authorizeImport(ctx, importer, 'skip');
  const saved = requireFile(upload);
  const encoding = saved.kind === 'csv' ? await detectEncoding(saved.path) : 'utf-8';
  const rows: string[][] = [];
  for await (const row of uploadedRows(saved.path, saved.kind, encoding, labelScore(importer))) {
    rows.push(row.cells);
    if (rows.length > 10) break;
  }
  const headers = rows.shift() ?? [];
  return {
    encoding,
    headers,
    rows,
    suggestedMapping: (await rememberedMapping(ctx, entity, headers)) ?? importer.columns.suggest(headers),
    fields: [...importer.columns.fields],
  };
}

/** Stores the file, remembers the mapping for files with these headers, and queues the import job. */
export async function startImport(ctx: Ctx, dataDir: string, upload: UploadedImport): Promise<{ id: string }> {
  const { entity, importer } = importerFor(upload);
  const policy = upload.fields.policy || 'skip';
  if (!(importPolicies as readonly string[]).includes(policy))
    throw AppError.validation('policy', 'validation.invalid_value');
  authorizeImport(ctx, importer, policy);
  const options = { ...importOptions(importer, upload.fields), ...(await importer.startOptions?.(ctx)) };
  const uploaded = requireFile(upload);
  let mapping: Record<string, string> | null = null;
  if (upload.fields.mapping) {
    try {
      mapping = JSON.parse(upload.fields.mapping);
    } catch {
      throw AppError.validation('mapping', 'import.mapping_invalid');
    }
    const known = new Set<string>(importer.columns.fields);
    if (
      !mapping ||
      typeof mapping !== 'object' ||
      Array.isArray(mapping) ||
      Object.values(mapping).some((f) => typeof f !== 'string' || !known.has(f))
    ) {
      throw AppError.validation('mapping', 'import.mapping_invalid');
    }
  }
  // Read before the file is moved: a refused upload is removed with the request (see readUpload).
  const encoding = uploaded.kind === 'csv' ? await detectEncoding(uploaded.path) : 'utf-8';
  const headers = await headersOf(
    uploaded.path,
    uploaded.kind,
    encoding,
    mapping ? mappingScore(mapping) : labelScore(importer),
  );
  const id = uuidv7();
  const saved = { ...uploaded, path: importFilePath(dataDir, ctx.orgId, id, uploaded.kind) };
  await fs.promises.rename(uploaded.path, saved.path);
  const finalMapping = mapping ?? (await rememberedMapping(ctx, entity, headers)) ?? importer.columns.suggest(headers);
  const missing = missingImportColumn(entity, finalMapping);
  if (missing) {
    await fs.promises.rm(saved.path, { force: true });
    throw AppError.validation('mapping', missing);
  }
  await inTransaction(ctx, async (tx) => {
    await tx.db.insert(imports).values({
      orgId: tx.orgId,
      id,
      entity,
      policy,
      mapping: finalMapping,
      options,
      fileName: saved.name,
      filePath: saved.path,
      encoding,
      createdBy: tx.userId,
    });
    await tx.db
      .insert(importMappings)
      .values({ orgId: tx.orgId, entity, headerKey: headerKey(headers), mapping: finalMapping })
      .onConflictDoUpdate({
        target: [importMappings.orgId, importMappings.entity, importMappings.headerKey],
        set: { mapping: finalMapping, updatedAt: tx.clock.now() },
      });
    await enqueueJob(tx.db, importJob, { id, locale: tx.locale }, { orgId: tx.orgId, maxAttempts: 5 });
  });
  return { id };
}

export async function getImport(ctx: Ctx, id: string, errorLimit = 1000): Promise<ImportRecord> {
  // Only the user who started an import sees it.
  if (!registeredImporters().some((importer) => can(ctx, ...importPermission(importer)))) throw AppError.forbidden();
  const [row] = await ctx.db
    .select()
    .from(imports)
    .where(and(eq(imports.orgId, ctx.orgId), eq(imports.id, id), eq(imports.createdBy, ctx.userId as string)));
  if (!row) throw AppError.notFound();
  const errors = await ctx.db
    .select({ row: importErrors.row, field: importErrors.field, message: importErrors.message })
    .from(importErrors)
    .where(and(eq(importErrors.orgId, ctx.orgId), eq(importErrors.importId, id)))
    .orderBy(asc(importErrors.row), asc(importErrors.field))
    .limit(errorLimit);
  return {
    id: row.id,
    entity: row.entity as ImportRecord['entity'],
    policy: row.policy as ImportRecord['policy'],
    fileName: row.fileName,
    encoding: row.encoding,
    status: row.status as ImportRecord['status'],
    total: row.total,
    processed: row.processed,
    created: row.created,
    updated: row.updated,
    skipped: row.skipped,
    failed: row.failed,
    message: row.message,
    errors,
    createdAt: row.createdAt.toISOString(),
    finishedAt: iso(row.finishedAt),
  };
}
