import type { CreateCustomerInput } from '@berth/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { insertRecordset } from '../../db/insert-recordset';
import type { Ctx } from '../../platform/context';
import { emitAll } from '../../platform/events';
import { customerEventRecord } from './customer-events';
import { type CustomerRow, newCustomerValues } from './customer-row';
import type { UncodedCustomerKeys } from './customer-search-keys';
import { nextCustomerCodes } from './next-customer-code';
import { insertLanes } from './save-lanes';
import { customers } from './tables';

export interface NewCustomer {
  /** Named by the caller (a time-ordered id, so that newest-first lists keep a batch's order); else the default. */
  id?: string;
  input: CreateCustomerInput;
  /** As the owner rule decided them. */
  ownerId: string | null;
  teamId: string | null;
  /** The derived keys, when worked out ahead of the write. */
  keys?: UncodedCustomerKeys;
  /**
   * The pool clocks, when the caller starts them with the insert (the pool's `newOwnerClocks`); otherwise the
   * pool's subscriber to `customer.created` starts them with an update of the new rows.
   */
  clocks?: { ownerSince: Date | null; protectedUntil: Date | null };
}

/**
 * Writes new customers, already checked: one block of codes, one insert of the rows (the same
 * mapping for each), one of their lanes. Returns the rows in the order given. The create use case
 * writes one, an import batch all of its new rows; the audit trigger logs each insert.
 */
export async function insertCustomers(ctx: Ctx, news: NewCustomer[]): Promise<CustomerRow[]> {
  if (news.length === 0) return [];
  const codes = await nextCustomerCodes(ctx, news.length);
  const ids = await insertRecordset(
    ctx.db,
    customers,
    news.map((n, i) => ({
      ...(n.id ? { id: n.id } : {}),
      ...newCustomerValues(ctx, n.input, { code: codes[i] as string, ...n }),
      ...n.clocks,
    })),
  );
  // Matched back by code (unique, assigned above), so nothing depends on the order RETURNING gives.
  const byCode = new Map(
    (
      await ctx.db
        .select()
        .from(customers)
        .where(and(eq(customers.orgId, ctx.orgId), inArray(customers.id, ids)))
    ).map((row) => [row.code, row]),
  );
  const rows = codes.map((code) => byCode.get(code) as CustomerRow);
  await insertLanes(
    ctx,
    rows.map((row, i) => ({ customerId: row.id, lanes: (news[i] as NewCustomer).input.tradeProfile.lanes })),
  );
  await emitAll(ctx, 'customer.created', rows.map(customerEventRecord));
  return rows;
}
