import type { Readable } from 'node:stream';
import { type ImportEntity, importColumnHeader, importFieldNamesOf, type LocalizedText } from '@berth/domain';
import { AppError } from '../../platform/app-error';
import { type Ctx, requireScope } from '../../platform/context';
import { type ExportFile, streamExport } from '../../platform/export/export-writer';
import { userTimeZone } from '../org-settings';
import { importerOf, importPermission } from './importers';

const entityNames: Record<ImportEntity, LocalizedText> = {
  customers: { 'zh-CN': '客户', en: 'customers' },
  contacts: { 'zh-CN': '联系人', en: 'contacts' },
  shipments: { 'zh-CN': '货运', en: 'shipments' },
  'exchange-rates': { 'zh-CN': '汇率', en: 'exchange-rates' },
};

async function* noRows(): AsyncGenerator<never> {}

/**
 * The empty workbook an import starts from, for those who may import the entity: one column per field, headed in
 * the reader's language with the words the entity's export writes, so a filled-in copy maps itself. Written and
 * audited like every download.
 */
export async function importTemplate(
  ctx: Ctx,
  entity: ImportEntity,
): Promise<{ stream: Readable; file: ExportFile & { format: 'xlsx' } }> {
  const importer = importerOf(entity);
  if (!importer) throw AppError.notFound();
  requireScope(ctx, ...importPermission(importer));
  const timeZone = await userTimeZone(ctx, ctx.userId);
  const name = entityNames[entity];
  const stream = streamExport({
    ctx,
    format: 'xlsx',
    timeZone,
    sheetName: name,
    columns: importFieldNamesOf(entity).map((field) => {
      const header = {
        'zh-CN': importColumnHeader(entity, field, 'zh-CN'),
        en: importColumnHeader(entity, field, 'en'),
      };
      return { header, width: Math.max(12, header['zh-CN'].length * 2 + 4, header.en.length + 4), value: () => null };
    }),
    rows: noRows,
    audit: { action: 'export', entity: 'imports', meta: { report: 'template', entity } },
  });
  return {
    stream,
    file: {
      name: { 'zh-CN': `导入模板-${name['zh-CN']}`, en: `import-template-${name.en}` },
      timeZone,
      format: 'xlsx',
    },
  };
}
