import type { Page } from '@berth/domain';
import { type AnyColumn, Column, is, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../app-error';

/**
 * Keyset pagination: the cursor carries the last row's sort value and id, and the next page
 * continues strictly after it, so pages stay fast and stable however deep the list goes.
 */
export interface KeysetOptions {
  /** The sort column (with an index on (org_id, sort, id)), or a sort key computed from one. */
  sort: AnyColumn | SortExpression;
  id: AnyColumn;
  direction: 'asc' | 'desc';
  cursor?: string;
}

/**
 * A sort key computed in SQL, such as "undated tasks last": `coalesce(due_at, 'infinity')`. A
 * cursor's sort value must fit `column`, or be one of `extraValues` (the values the expression adds).
 */
export interface SortExpression {
  expression: SQL;
  column: AnyColumn;
  extraValues?: readonly string[];
}

function sortSql(sort: KeysetOptions['sort']): SQL | AnyColumn {
  return is(sort, Column) ? sort : sort.expression;
}

function fitsSort(sort: KeysetOptions['sort'], value: unknown): boolean {
  if (is(sort, Column)) return fitsColumn(sort, value);
  return (typeof value === 'string' && (sort.extraValues ?? []).includes(value)) || fitsColumn(sort.column, value);
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
  throw invalidCursor();
}

function invalidCursor(): AppError {
  return AppError.validation('cursor', 'pagination.cursor_invalid', 'invalid cursor');
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isoTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what is looked for
const unstorableText = /\u0000|\p{Cs}/u;

/**
 * Whether a value taken from a cursor can be compared with the column at all. A cursor is the
 * client's input: one from another list, or tampered with, must be refused as such, not reach
 * the database as a uuid or a timestamp it cannot parse.
 */
function fitsColumn(column: AnyColumn, value: unknown): boolean {
  switch (column.columnType) {
    // Numeric columns read as decimal strings; any other string would reach the database as a bad number.
    case 'PgNumeric':
      return typeof value === 'string' && /^-?\d{1,30}(\.\d{1,30})?$/.test(value);
    case 'PgUUID':
      return typeof value === 'string' && uuidPattern.test(value);
    case 'PgTimestamp':
    case 'PgTimestampString':
      // Year 0 parses in JavaScript but not in PostgreSQL, which has no year 0.
      return (
        typeof value === 'string' &&
        isoTimestamp.test(value) &&
        !value.startsWith('0000') &&
        !Number.isNaN(Date.parse(value))
      );
  }
  if (column.dataType === 'string') return typeof value === 'string' && !unstorableText.test(value);
  if (column.dataType === 'number') return typeof value === 'number' && Number.isFinite(value);
  return false;
}

/** The id a cursor continues after, for lists keyed by a uuid alone (the audit log's time-ordered ids). */
export function decodeUuidCursor(cursor: string): string {
  const [, id] = decodeCursor(cursor);
  if (!uuidPattern.test(id)) throw invalidCursor();
  return id;
}

/** The text key a cursor continues after, for lists keyed by a text value. */
export function decodeTextCursor(cursor: string): string {
  const [, key] = decodeCursor(cursor);
  if (unstorableText.test(key)) throw invalidCursor();
  return key;
}

export function encodeCursor(sortValue: unknown, id: string): string {
  const plain = sortValue instanceof Date ? sortValue.toISOString() : sortValue;
  return Buffer.from(JSON.stringify([plain, id]), 'utf8').toString('base64url');
}

/** The WHERE condition for rows after the cursor, or undefined on the first page. */
export function afterCursor(options: KeysetOptions): SQL | undefined {
  if (!options.cursor) return undefined;
  const [value, id] = decodeCursor(options.cursor);
  if (!fitsColumn(options.id, id) || (options.sort !== options.id && !fitsSort(options.sort, value))) {
    throw invalidCursor();
  }
  const cmp = options.direction === 'asc' ? sql`>` : sql`<`;
  if (options.sort === options.id) return sql`${options.id} ${cmp} ${id}`;
  return sql`(${sortSql(options.sort)}, ${options.id}) ${cmp} (${value}, ${id})`;
}

export function orderByKeyset(options: KeysetOptions): SQL[] {
  const dir = options.direction === 'asc' ? sql`asc` : sql`desc`;
  return options.sort === options.id
    ? [sql`${options.id} ${dir}`]
    : [sql`${sortSql(options.sort)} ${dir}`, sql`${options.id} ${dir}`];
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
