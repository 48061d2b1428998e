import type { Page } from '@berth/domain';
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../app-error';

/**
 * Keyset pagination: the cursor carries the last row's sort value and id, and the next page
 * continues strictly after it, so pages stay fast and stable however deep the list goes.
 */
export interface KeysetOptions {
  sort: AnyColumn;
  id: AnyColumn;
  direction: 'asc' | 'desc';
  cursor?: string;
}

export function decodeCursor(cursor: string): [unknown, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[1] === 'string') {
      return [value[0], value[1]];
    }
  } catch {
    // fall through to the field error
  }
  throw AppError.validation('cursor', 'pagination.cursor_invalid', 'invalid cursor');
}

export function encodeCursor(sortValue: unknown, id: string): string {
  const plain = sortValue instanceof Date ? sortValue.toISOString() : sortValue;
  return Buffer.from(JSON.stringify([plain, id]), 'utf8').toString('base64url');
}

/** The WHERE condition for rows after the cursor, or undefined on the first page. */
export function afterCursor(options: KeysetOptions): SQL | undefined {
  if (!options.cursor) return undefined;
  const [value, id] = decodeCursor(options.cursor);
  const cmp = options.direction === 'asc' ? sql`>` : sql`<`;
  if (options.sort === options.id) return sql`${options.id} ${cmp} ${id}`;
  return sql`(${options.sort}, ${options.id}) ${cmp} (${value}, ${id})`;
}

export function orderByKeyset(options: KeysetOptions): SQL[] {
  const dir = options.direction === 'asc' ? sql`asc` : sql`desc`;
  return options.sort === options.id
    ? [sql`${options.id} ${dir}`]
    : [sql`${options.sort} ${dir}`, sql`${options.id} ${dir}`];
}

/** Turns `limit + 1` fetched rows into a page with the cursor of its last row. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  cursorOf: (row: Row) => [unknown, string],
  map: (row: Row) => Item,
): Page<Item> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(map),
    nextCursor: hasMore && last ? encodeCursor(...cursorOf(last)) : null,
  };
}
