import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../src/db/database';
import { importRowOfName } from './import-file';
import type { WriteLedger } from './write-stream';

export interface ImportProgress {
  status: string;
  total: number | null;
  processed: number;
  created: number;
  skipped: number;
  failed: number;
}

/** The rows of one import file (by its name prefix) present in the organisation. */
async function importedRows(db: Db, orgId: string, prefix: string) {
  const [row] = await queryRows<{ present: number | string; distinct_names: number | string; last_row: number | null }>(
    db,
    sql`select count(*) as present, count(distinct name) as distinct_names,
               max(${sql.raw(importRowOfName)}) as last_row
          from customers where org_id = ${orgId} and name like ${`${prefix}导入客户%`}`,
  );
  return { present: Number(row?.present), distinct: Number(row?.distinct_names), lastRow: Number(row?.last_row ?? 0) };
}

/**
 * Right after a crash: the import's counters and its rows agree batch for batch. Every file row is
 * valid and new, so the rows present must be exactly the first `processed` rows of the file and
 * `processed` must end on a batch boundary (or at the end of the file).
 */
export async function halfBatchViolations(
  db: Db,
  orgId: string,
  importId: string,
  prefix: string,
  batchSize: number,
): Promise<{ progress: ImportProgress | null; violations: string[] }> {
  const [progress] = await queryRows<ImportProgress>(
    db,
    sql`select status, total, processed, created, skipped, failed from imports where org_id = ${orgId} and id = ${importId}`,
  );
  if (!progress) return { progress: null, violations: [`the acknowledged import ${importId} is gone`] };
  const rows = await importedRows(db, orgId, prefix);
  const violations: string[] = [];
  const atEnd = progress.total !== null && progress.processed === progress.total;
  if (progress.processed % batchSize !== 0 && !atEnd)
    violations.push(`processed ${progress.processed} is not on a batch boundary of ${batchSize}`);
  if (rows.present !== progress.processed)
    violations.push(`${rows.present} rows present but the import counts ${progress.processed} processed`);
  if (progress.created !== progress.processed)
    violations.push(`created ${progress.created} differs from processed ${progress.processed}`);
  if (rows.distinct !== rows.present) violations.push(`${rows.present - rows.distinct} duplicated import rows`);
  if (rows.lastRow !== rows.present)
    violations.push(`rows present are not the file's first ${rows.present} rows (last is row ${rows.lastRow})`);
  return { progress, violations };
}

/** After re-running the file: every file row exactly once, and no two live customers with one name key. */
export async function exactlyOnceViolations(db: Db, orgId: string, prefix: string, rows: number): Promise<string[]> {
  const imported = await importedRows(db, orgId, prefix);
  const violations: string[] = [];
  if (imported.present !== rows) violations.push(`${imported.present} of ${rows} file rows present`);
  if (imported.distinct !== imported.present)
    violations.push(`${imported.present - imported.distinct} file rows present more than once`);
  const duplicates = await queryRows<{ name_key: string; copies: number }>(
    db,
    sql`select name_key, count(*)::int as copies from customers
         where org_id = ${orgId} and merged_into_id is null group by name_key having count(*) > 1 limit 5`,
  );
  for (const d of duplicates) violations.push(`name key ${d.name_key} on ${d.copies} customers`);
  return violations;
}

/**
 * Every write the server acknowledged is stored as acknowledged. An update whose answer never came
 * (the server died with it in flight) may have committed or not: either state is fine, nothing else.
 */
export async function acknowledgedWriteViolations(db: Db, orgId: string, ledger: WriteLedger): Promise<string[]> {
  const violations: string[] = [];
  const ids = ledger.customers.flatMap((c) => (c.id ? [c.id] : []));
  const stored = new Map<string, { version: number; address: string | null }>();
  if (ids.length > 0) {
    const rows = await queryRows<{ id: string; version: number; address: string | null }>(
      db,
      sql`select id, version, address from customers
           where org_id = ${orgId} and id in (${sql.join(
             ids.map((id) => sql`${id}`),
             sql`, `,
           )})`,
    );
    for (const r of rows) stored.set(r.id, { version: r.version, address: r.address });
  }
  for (const c of ledger.customers) {
    if (!c.id || !c.acknowledged) continue;
    const row = stored.get(c.id);
    if (!row) {
      violations.push(`lost customer ${c.name}`);
      continue;
    }
    const same = (s: { version: number; address: string | null } | null) =>
      !!s && s.version === row.version && s.address === row.address;
    if (!same(c.acknowledged) && !same(c.inFlight))
      violations.push(
        `customer ${c.name} is at v${row.version} "${row.address}", acknowledged v${c.acknowledged.version} "${c.acknowledged.address}"`,
      );
  }
  const noteIds = ledger.notes.flatMap((n) => (n.id ? [n.id] : []));
  if (noteIds.length > 0) {
    const rows = await queryRows<{ id: string; body: string }>(
      db,
      sql`select id, body from notes where org_id = ${orgId} and id in (${sql.join(
        noteIds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
    const bodies = new Map(rows.map((r) => [r.id, r.body]));
    for (const n of ledger.notes) {
      if (n.id && bodies.get(n.id) !== n.body) violations.push(`lost or changed note "${n.body}"`);
    }
  }
  return violations;
}
