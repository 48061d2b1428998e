import { getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { type Executor, queryRows } from './database';

/** A value as `jsonb_to_recordset` reads it into its column: dates as ISO text, the rest as JSON has it. */
const jsonValue = (value: unknown) => (value instanceof Date ? value.toISOString() : (value ?? null));

/**
 * Inserts many rows of a table with one parameter — the rows as one JSON array read by `jsonb_to_recordset` —
 * instead of a `VALUES` list of a parameter a cell: a batch of 500 customers is ≈ 18,500 parameters, whose
 * binding and planning cost a quarter of the insert's time on the server and as much JS to build. The rows are
 * objects keyed by the table's field names, all with the same keys (a column left out takes its default).
 * Returns the ids of the new rows (callers that need them matched to their input match them by a unique key, since
 * PostgreSQL does not promise RETURNING in input order).
 */
export async function insertRecordset<T extends PgTable>(
  db: Executor,
  table: T,
  rows: Record<string, unknown>[],
): Promise<string[]> {
  const inserted = await insertRecordsetReturning(db, table, rows, ['id']);
  return inserted.map((r) => r.id as string);
}

/**
 * `insertRecordset` returning the named fields of each new row as the driver reads them (text, uuid and the
 * like: no drizzle mapping is applied), in no promised order.
 */
export async function insertRecordsetReturning<T extends PgTable>(
  db: Executor,
  table: T,
  rows: Record<string, unknown>[],
  returning: string[],
): Promise<Record<string, unknown>[]> {
  const first = rows[0];
  if (!first) return [];
  const columns = getTableColumns(table) as Record<string, { name: string; getSQLType(): string }>;
  // A field left undefined takes the column's default, as in a drizzle insert.
  const fields = Object.keys(first).filter((field) => columns[field] && first[field] !== undefined);
  const names = fields.map((field) => (columns[field] as { name: string }).name);
  const json = rows.map((row) => Object.fromEntries(fields.map((f, i) => [names[i], jsonValue(row[f])])));
  const list = (parts: string[]): SQL => sql.raw(parts.map((name) => `"${name}"`).join(', '));
  const definitions = sql.raw(
    fields.map((f, i) => `"${names[i]}" ${(columns[f] as { getSQLType(): string }).getSQLType()}`).join(', '),
  );
  const returned = sql.raw(
    returning
      .map((field) => {
        const column = columns[field];
        if (!column) throw new Error(`${getTableName(table)} has no field ${field}`);
        return `"${column.name}" as "${field}"`;
      })
      .join(', '),
  );
  return queryRows<Record<string, unknown>>(
    db,
    sql`insert into ${sql.raw(`"${getTableName(table)}"`)} (${list(names)})
        select ${list(names)} from jsonb_to_recordset(${JSON.stringify(json)}::jsonb) as v(${definitions})
        returning ${returned}`,
  );
}
