import type { Readable } from 'node:stream';
import { importErrorColumn } from '@berth/domain';
import { and, asc, eq, gt, or } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import { type ExportFile, streamExport } from '../../platform/export/export-writer';
import { userTimeZone } from '../org-settings';
import { getImport } from './start-import';
import { importErrors, imports } from './tables';

const batchSize = 1000;
const baseName = (fileName: string) => fileName.replace(/\.[^.]*$/, '');

interface ErrorRow {
  row: number;
  field: string;
  message: string;
}

/** The errors of an import in row order, a batch at a time. */
async function* errorRows(ctx: Ctx, importId: string): AsyncGenerator<ErrorRow> {
  let after: ErrorRow | undefined;
  for (;;) {
    const batch: ErrorRow[] = await ctx.db
      .select({ row: importErrors.row, field: importErrors.field, message: importErrors.message })
      .from(importErrors)
      .where(
        and(
          eq(importErrors.orgId, ctx.orgId),
          eq(importErrors.importId, importId),
          after
            ? or(
                gt(importErrors.row, after.row),
                and(eq(importErrors.row, after.row), gt(importErrors.field, after.field)),
              )
            : undefined,
        ),
      )
      .orderBy(asc(importErrors.row), asc(importErrors.field))
      .limit(batchSize);
    yield* batch;
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1];
  }
}

/**
 * The error report of an import (only its starter sees it) as CSV through the export writer: headers in the
 * reader's language, the rows as Excel numbers them, each error's column by the header the file had (else the
 * column's header in the reader's language), never the API's path; audited like every export.
 */
export async function exportImportErrors(
  ctx: Ctx,
  importId: string,
): Promise<{ stream: Readable; file: ExportFile & { format: 'csv' } }> {
  const record = await getImport(ctx, importId, 0);
  const [saved] = await ctx.db
    .select({ mapping: imports.mapping })
    .from(imports)
    .where(and(eq(imports.orgId, ctx.orgId), eq(imports.id, record.id)));
  const mapping = saved?.mapping ?? {};
  const timeZone = await userTimeZone(ctx, ctx.userId);
  const stream = streamExport({
    ctx,
    format: 'csv',
    timeZone,
    sheetName: { 'zh-CN': '导入错误', en: 'Import errors' },
    columns: [
      { header: { 'zh-CN': '行号', en: 'Row' }, kind: 'number', value: (e: ErrorRow) => e.row },
      {
        header: { 'zh-CN': '字段', en: 'Field' },
        width: 20,
        value: (e: ErrorRow) => importErrorColumn(record.entity, e.field, mapping, ctx.locale),
      },
      { header: { 'zh-CN': '问题', en: 'Problem' }, width: 60, value: (e: ErrorRow) => e.message },
    ],
    rows: () => errorRows(ctx, record.id),
    audit: { action: 'export', entity: 'imports', entityId: record.id, meta: { report: 'errors' } },
  });
  return {
    stream,
    file: {
      name: { 'zh-CN': `导入错误-${baseName(record.fileName)}`, en: `import-errors-${baseName(record.fileName)}` },
      timeZone,
      format: 'csv',
    },
  };
}
