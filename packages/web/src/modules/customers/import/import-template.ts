import { type ImportEntity, importTemplateHeaders } from '@berth/domain';

/**
 * An empty import file to fill in: a CSV (UTF-8 with BOM, so Excel opens the Chinese headers
 * correctly) whose header row is the fields' zh-CN labels, which the import maps by itself.
 */
export function importTemplateCsv(entity: ImportEntity): string {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return `\uFEFF${importTemplateHeaders(entity).map(quote).join(',')}\r\n`;
}

export function downloadImportTemplate(entity: ImportEntity, fileName: string): void {
  const url = URL.createObjectURL(new Blob([importTemplateCsv(entity)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
