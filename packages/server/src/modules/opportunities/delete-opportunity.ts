import { AppError, isForeignKeyViolation } from '../../platform/app-error';
import { type Ctx, inTransaction } from '../../platform/context';
import { deleteVersioned } from '../../platform/versioned-write';
import { opportunityById } from './opportunity-scope';
import { opportunities } from './tables';

/**
 * Deletes an opportunity with its lanes and stage history. One that inquiries or activities refer
 * to stays (409): those records are the customer's history; mark it lost instead.
 */
export async function deleteOpportunity(ctx: Ctx, id: string, expected: number | undefined): Promise<void> {
  await inTransaction(ctx, (tx) =>
    deleteVersioned(tx, opportunities, opportunityById(tx, 'delete', id), expected).catch((error: unknown) => {
      if (isForeignKeyViolation(error)) throw AppError.conflict('conflict.in_use');
      throw error;
    }),
  );
}
