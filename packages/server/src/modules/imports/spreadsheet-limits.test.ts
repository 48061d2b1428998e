import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedStringsBomb, wideRowsBomb } from '../../../test/spreadsheet-bombs';
import { readRows } from './read-rows';
import { assertSpreadsheetWithinLimits, SpreadsheetTooLarge, spreadsheetLimits } from './spreadsheet-limits';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-xlsx-limits-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const fileWith = (name: string, bytes: Buffer) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};
const MiB = 1024 * 1024;

describe('limits of an .xlsx unpacked', () => {
  it('refuses a shared-strings bomb after inflating little more than the limit, not the whole part', async () => {
    const bomb = await sharedStringsBomb(6 * MiB);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const file = fileWith('bomb.xlsx', bomb);
    const limits = { ...spreadsheetLimits, sharedStringBytes: 1 * MiB };
    const refusal = await assertSpreadsheetWithinLimits(file, limits).catch((error) => error);
    expect(refusal).toBeInstanceOf(SpreadsheetTooLarge);
    expect(refusal.limit).toBe('sharedStringBytes');
    expect(refusal.unpackedBytes).toBeLessThan(2 * MiB);

    const total = await assertSpreadsheetWithinLimits(file, { ...spreadsheetLimits, unpackedBytes: 4 * MiB }).catch(
      (error) => error,
    );
    expect(total).toMatchObject({ limit: 'unpackedBytes' });
    // The reader refuses it before a row comes out.
    const rows = readRows(file, 'xlsx', 'utf-8', limits);
    await expect(rows.next()).rejects.toBeInstanceOf(SpreadsheetTooLarge);
  });

  it('counts cell positions while reading, and passes an ordinary workbook', async () => {
    const wide = fileWith('wide.xlsx', await wideRowsBomb(20));
    await expect(assertSpreadsheetWithinLimits(wide)).resolves.toBeUndefined();
    const read = async (cells: number) => {
      const seen: number[] = [];
      for await (const row of readRows(wide, 'xlsx', 'utf-8', { ...spreadsheetLimits, cells })) seen.push(row.row);
      return seen;
    };
    expect(await read(1_000_000)).toHaveLength(21);
    await expect(read(100_000)).rejects.toMatchObject({ limit: 'cells' });
  });
});
