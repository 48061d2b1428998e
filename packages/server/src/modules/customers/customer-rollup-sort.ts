import { type AnyColumn, and, eq, isNotNull, not, or, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../platform/app-error';
import type { Ctx } from '../../platform/context';
import { maySeeAll, maySeeAny, maySeeSql } from '../../platform/field-access';
import { afterCursor, decodeCursor, orderByKeyset } from '../../platform/http/keyset';
import { customerRecordColumns, type toCustomers } from './customer-dto';
import { customers, customerShipmentRollups as rollups } from './tables';

/**
 * The customer list's orders by a shipment roll-up. Customers with a value come first, walked along the roll-up
 * table's index (org_id, value, customer_id) joined to the records; those without one — no shipments, no roll-up
 * yet, or a revenue the caller may not see — come after them in the order of their ids (newest first when
 * descending), as `order by value nulls last, id` would put them. The cursor carries the value (null in that
 * second part) and the id.
 */
const rollupSorts = {
  lastShipmentAt: {
    column: rollups.lastShipmentAt,
    // Text with microseconds, so that the cursor is exact (a JavaScript Date keeps milliseconds only).
    value: sql`to_char(${rollups.lastShipmentAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  },
  shipments12m: { column: rollups.shipments12m, value: sql`${rollups.shipments12m}` },
  teu12m: { column: rollups.teu12m, value: sql`${rollups.teu12m}::text` },
  revenue12m: { column: rollups.revenue12mAmount, value: sql`${rollups.revenue12mAmount}::text` },
} as const satisfies Record<string, { column: AnyColumn; value: SQL }>;
type RollupSortName = keyof typeof rollupSorts;

/** A record as the list reads it, with its sort value (null when it has none) for the cursor. */
export type RollupSortedRow = Parameters<typeof toCustomers>[2][number] & { sortValue: unknown };

/**
 * The reader of one page in a roll-up order (`sort` as the list takes it), or null for another order. A caller who
 * may see no customer's revenue is refused the revenue order (403 on `sort`): it would rank what they may not read.
 * One who sees it on some customers only gets those ranked; the others sort with the customers without a value, so
 * the order tells nothing about a revenue they cannot see (which customer's revenue shows is asked of the field
 * rights, as the record's `revenue12m` is).
 */
export function rollupSortOf(ctx: Ctx, sort: string) {
  const name = sort.replace(/^-/, '');
  if (!(name in rollupSorts)) return null;
  const { column, value } = rollupSorts[name as RollupSortName];
  if (name === 'revenue12m' && !maySeeAny(ctx, 'revenue')) {
    throw new AppError('permission.denied', 403, {
      fields: [{ field: 'sort', code: 'customer.sort_revenue_hidden', message: 'customer.sort_revenue_hidden' }],
    });
  }
  const direction = sort.startsWith('-') ? ('desc' as const) : ('asc' as const);
  const visible =
    name === 'revenue12m' && !maySeeAll(ctx, 'revenue')
      ? maySeeSql(ctx, 'revenue', { owner: customers.ownerId, team: customers.teamId })
      : undefined;
  const hasValue = and(isNotNull(column), visible);
  const onRecord = and(eq(rollups.orgId, customers.orgId), eq(rollups.customerId, customers.id));

  /** The customers with a value after a cursor in the first part (or from its start), in the order. */
  const valued = (where: SQL | undefined, count: number, cursor: string | undefined) => {
    const keyset = { sort: column, id: rollups.customerId, direction, cursor };
    return ctx.db
      .select({ ...customerRecordColumns, sortValue: sql<unknown>`${value}`.as('sort_value') })
      .from(customers)
      .innerJoin(rollups, onRecord)
      .where(and(where, eq(rollups.orgId, ctx.orgId), hasValue, afterCursor(keyset)))
      .orderBy(...orderByKeyset(keyset))
      .limit(count);
  };
  /** The customers without a value after a cursor in the second part (or from its start), in the order. */
  const none = (where: SQL | undefined, count: number, cursor: string | undefined) => {
    const keyset = { sort: customers.id, id: customers.id, direction, cursor };
    return ctx.db
      .select({ ...customerRecordColumns, sortValue: sql<unknown>`null`.as('sort_value') })
      .from(customers)
      .where(
        and(
          where,
          or(
            not(sql`exists (select 1 from ${rollups} where ${and(onRecord, isNotNull(column))})`),
            visible ? not(visible) : undefined,
          ),
          afterCursor(keyset),
        ),
      )
      .orderBy(...orderByKeyset(keyset))
      .limit(count);
  };

  /** Up to `count` rows after the cursor among the filtered customers (`where`), in the order. */
  const page = async (
    where: SQL | undefined,
    count: number,
    cursor: string | undefined,
  ): Promise<RollupSortedRow[]> => {
    const inFirstPart = cursor === undefined || decodeCursor(cursor)[0] !== null;
    const rows: RollupSortedRow[] = inFirstPart ? await valued(where, count, cursor) : [];
    if (rows.length >= count) return rows;
    rows.push(...(await none(where, count - rows.length, inFirstPart ? undefined : cursor)));
    return rows;
  };
  return { page, valued };
}
