import fs from 'node:fs';
import type { Readable } from 'node:stream';
import unzipper from 'unzipper';

/**
 * How much an .xlsx may hold once unpacked. A zip compresses repetitive XML a thousandfold: a
 * 450 KB upload can hold 100 MB of shared strings, which the reader keeps in memory.
 */
export interface SpreadsheetLimits {
  /** All parts of the workbook together, unpacked. */
  unpackedBytes: number;
  /** The shared-strings part, which the reader holds in memory whole. */
  sharedStringBytes: number;
  /** Cell positions read, empty ones between filled ones included (a cell at column XFD makes a row 16,384 wide). */
  cells: number;
  /** Parts of the zip. */
  entries: number;
}

export const spreadsheetLimits: SpreadsheetLimits = {
  unpackedBytes: 512 * 1024 * 1024,
  sharedStringBytes: 32 * 1024 * 1024,
  cells: 5_000_000,
  entries: 1000,
};

/** A spreadsheet refused for what it holds; reading it again gives the same answer. */
export class SpreadsheetTooLarge extends Error {
  constructor(
    readonly limit: keyof SpreadsheetLimits,
    /** Bytes unpacked when the limit was met: the refusal comes before the rest is inflated. */
    readonly unpackedBytes = 0,
  ) {
    super(`the spreadsheet exceeds the ${limit} limit`);
    this.name = 'SpreadsheetTooLarge';
  }
}

const sharedStringsPart = /^xl\/sharedStrings\.xml$/i;

/**
 * Unpacks the workbook as a stream, counting the bytes each part really inflates to (the sizes a
 * zip declares can lie), and stops at the first limit met; nothing is kept. The reader unpacks
 * the same parts the same way, so what passes here cannot grow larger there.
 */
export async function assertSpreadsheetWithinLimits(
  path: string,
  limits: SpreadsheetLimits = spreadsheetLimits,
): Promise<void> {
  const file = fs.createReadStream(path);
  const zip = file.pipe(unzipper.Parse({ forceStream: true }));
  let total = 0;
  let entries = 0;
  try {
    for await (const entry of zip as AsyncIterable<unzipper.Entry>) {
      if (++entries > limits.entries) throw new SpreadsheetTooLarge('entries', total);
      const strings = sharedStringsPart.test(entry.path);
      let size = 0;
      for await (const chunk of entry as Readable) {
        size += (chunk as Buffer).length;
        total += (chunk as Buffer).length;
        if (strings && size > limits.sharedStringBytes) throw new SpreadsheetTooLarge('sharedStringBytes', total);
        if (total > limits.unpackedBytes) throw new SpreadsheetTooLarge('unpackedBytes', total);
      }
    }
  } finally {
    file.destroy();
    zip.destroy();
  }
}
