import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * An .xlsx of a few dozen KB whose shared-strings part unpacks to more than `bytes`: one cell of
 * a single repeated letter, deflated the way a decompression bomb is built.
 */
export async function sharedStringsBomb(bytes: number): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
  const sheet = workbook.addWorksheet('客户');
  sheet.addRow(['客户名称', '国家']).commit();
  sheet.addRow(['A'.repeat(bytes), '中国']).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** A tiny .xlsx whose rows each hold one cell in the last column (XFD), `rows` rows of 16,384 cell positions. */
export async function wideRowsBomb(rows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('客户');
  sheet.addRow(['客户名称', '国家']);
  for (let row = 2; row <= rows + 1; row++) {
    sheet.getCell(`A${row}`).value = `宽行公司${row}`;
    sheet.getCell(`XFD${row}`).value = 'x';
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
