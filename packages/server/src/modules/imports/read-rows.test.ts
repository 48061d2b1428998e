import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { detectEncoding, mappingScore, readRows, rowsFromHeader, type SheetRow, sniffDelimiter } from './read-rows';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-read-rows-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;
const fileWith = (bytes: Buffer) => {
  const file = path.join(dir, `f${fileNo++}.csv`);
  fs.writeFileSync(file, bytes);
  return file;
};
const collect = async (rows: AsyncIterable<SheetRow>) => {
  const all: SheetRow[] = [];
  for await (const row of rows) all.push(row);
  return all;
};

// Cells as spreadsheets hold them: Chinese and Latin text, spaces, digits, quotes, line breaks.
const cell = fc.string({
  unit: fc.constantFrom('货', '运', 'a', 'Z', ' ', '7', '"', '\n', ',', ';', '\t', '|'),
  maxLength: 8,
});
const table = fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 });
const delimiter = fc.constantFrom(',', '\t', ';');

function csvOf(rows: string[][], d: string): string {
  const quote = (c: string) => (/[",;\t|\r\n]/.test(c) || c !== c.trim() ? `"${c.replace(/"/g, '""')}"` : c);
  return rows.map((r) => r.map(quote).join(d)).join('\r\n');
}

describe('delimited text', () => {
  it('finds the delimiter of any table of three columns, whatever the cells hold', () => {
    fc.assert(
      fc.property(table, delimiter, (rows, d) => sniffDelimiter(csvOf([['名称', '电话', '邮箱'], ...rows], d)) === d),
    );
  });

  it('reads back every non-empty row of any table in UTF-8, GB18030 or UTF-16, numbered as Excel shows it', async () => {
    await fc.assert(
      fc.asyncProperty(table, delimiter, fc.constantFrom('utf-8', 'gb18030', 'utf-16le'), async (rows, d, encoding) => {
        const text = csvOf([['名称', '电话', '邮箱'], ...rows], d);
        const bytes =
          encoding === 'utf-16le'
            ? Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, encoding)])
            : iconv.encode(text, encoding);
        const file = fileWith(bytes);
        const detected = await detectEncoding(file);
        // A file of only ASCII is valid UTF-8 whatever it was saved as; reading it as UTF-8 is right.
        expect(detected === encoding || (detected === 'utf-8' && [...text].every((c) => c.charCodeAt(0) < 128))).toBe(
          true,
        );
        const read = await collect(readRows(file, 'csv', detected));
        const expected = [['名称', '电话', '邮箱'], ...rows]
          .map((cells, i) => ({ row: i + 1, cells: cells.map((c) => c.trim()) }))
          .filter((r) => r.cells.some((c) => c !== ''));
        expect(read).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('passes over title lines above the header', async () => {
    const rows = (cells: string[][]) =>
      (async function* () {
        for (const [i, c] of cells.entries()) yield { row: i + 1, cells: c };
      })();
    const file = [['客户清单'], ['导出人：张三', ''], ['客户名称', '电话'], ['甲公司', '1']];
    const found = await collect(rowsFromHeader(rows(file), mappingScore({ 客户名称: 'name', 电话: 'phone' })));
    expect(found.map((r) => r.row)).toEqual([3, 4]);
    // No known header at all: the first row is the header.
    const unknown = await collect(rowsFromHeader(rows(file), mappingScore({})));
    expect(unknown.map((r) => r.row)).toEqual([1, 2, 3, 4]);
  });
});

describe('spreadsheets', () => {
  it('reads a small .xlsx whole every time, also when several reads run at once', async () => {
    // exceljs's streaming reader failed a few reads in a thousand of such a file at four at a time (readRows).
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('联系人');
    sheet.addRow(['Customer code', 'Name', 'Birthday', 'Primary contact']);
    sheet.addRow(['C000001', 'Anna Schmidt', new Date(Date.UTC(1985, 6, 15)), true]);
    const file = path.join(dir, `f${fileNo++}.xlsx`);
    fs.writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    const expected = [
      { row: 1, cells: ['Customer code', 'Name', 'Birthday', 'Primary contact'] },
      // Styles are not read: a date is its Excel serial number here; the importers read it as a date.
      { row: 2, cells: ['C000001', 'Anna Schmidt', '31243', 'true'] },
    ];
    for (let round = 0; round < 150; round++) {
      const reads = await Promise.all(Array.from({ length: 4 }, () => collect(readRows(file, 'xlsx', 'utf-8'))));
      for (const rows of reads) expect(rows).toEqual(expected);
    }
  }, 60_000);
});
