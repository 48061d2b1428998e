import { and, eq } from 'drizzle-orm';
import { AppError } from '../../platform/app-error';
import { type Ctx, inTransaction } from '../../platform/context';
import { customersInScope } from '../customers';
import { dismissalsWithin } from './dismissal-scope';
import { duplicateDismissals } from './tables';

/**
 * Takes back a "not duplicates" decision: the group is listed for review again. The same people
 * who may make the decision may undo it (customers.merge on every member), checked in the
 * DELETE itself; the audit trigger records who removed it.
 */
export async function undoDuplicateDismissal(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const removed = await tx.db
      .delete(duplicateDismissals)
      .where(and(eq(duplicateDismissals.id, id), dismissalsWithin(tx, customersInScope(tx, 'merge'))))
      .returning({ id: duplicateDismissals.id });
    if (removed.length === 0) throw AppError.notFound();
  });
}
