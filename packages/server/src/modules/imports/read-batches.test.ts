import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { countRecords, type ImportFileSource, importBatchSize, type ReadBatch, readBatches } from './read-batches';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-read-batches-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;

/** A shipments file (containers are a repeatable field) with a title line above the header. */
function fileOf(records: number): ImportFileSource {
  const lines = ['Shipments of the month', 'ref,box 1,box 2,note'];
  for (let i = 1; i <= records; i++)
    lines.push(`R${i},C${i}A,${i % 3 === 0 ? '' : `C${i}B`},${i % 7 === 0 ? 'bad' : ''}`);
  const filePath = path.join(dir, `f${fileNo++}.csv`);
  fs.writeFileSync(filePath, `${lines.join('\r\n')}\r\n`);
  return {
    filePath,
    kind: 'csv',
    encoding: 'utf-8',
    mapping: { ref: 'externalId', 'box 1': 'containers', 'box 2': 'containers', note: 'notes' },
    entity: 'shipments',
    skip: 0,
    options: {},
  };
}

const readAll = async (source: ImportFileSource, yieldEvery = 0) => {
  const batches: ReadBatch[] = [];
  const readRow = (values: Record<string, string>) =>
    values.notes === 'bad'
      ? { value: null, problems: [{ field: 'notes', message: 'bad note' }] }
      : { value: values.externalId, problems: [] };
  for await (const batch of readBatches(source, readRow, yieldEvery)) batches.push(batch);
  return batches;
};

describe('reading an import file into batches', () => {
  it('hands out every record after the skipped ones once, in order, in batches of the batch size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: importBatchSize * 2 + 5 }),
        fc.nat(),
        fc.constantFrom(0, 25),
        async (records, skipSeed, yieldEvery) => {
          const source = { ...fileOf(records), skip: records === 0 ? 0 : skipSeed % (records + 1) };
          expect(await countRecords(source)).toBe(records);
          const batches = await readAll(source, yieldEvery);
          expect(batches.slice(0, -1).every((b) => b.rows.length === importBatchSize)).toBe(true);
          const rows = batches.flatMap((b) => b.rows);
          const expected = Array.from({ length: records - source.skip }, (_, i) => source.skip + i + 1);
          expect(rows.map((r) => r.values.externalId)).toEqual(expected.map((i) => `R${i}`));
          // The sheet row a person sees: the title and the header are rows 1 and 2.
          expect(rows.map((r) => r.row)).toEqual(expected.map((i) => i + 2));
          for (const batch of batches) {
            expect(batch.readable.map((r) => r.value)).toEqual(
              batch.rows.filter((r) => r.values.notes !== 'bad').map((r) => r.values.externalId),
            );
            expect(batch.unread).toEqual(
              batch.rows
                .filter((r) => r.values.notes === 'bad')
                .map((r) => ({ row: r.row, field: 'notes', message: 'bad note' })),
            );
          }
        },
      ),
      { numRuns: 12 },
    );
  });

  it('joins the cells of columns mapped to one repeatable field, leaving out the empty ones', async () => {
    const [batch] = await readAll(fileOf(3));
    expect(batch?.rows.map((r) => r.values.containers)).toEqual(['C1A; C1B', 'C2A; C2B', 'C3A']);
  });
});
