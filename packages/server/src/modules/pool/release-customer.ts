import type { PoolCustomer, ReleaseCustomerInput } from '@berth/domain';
import { and, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../platform/app-error';
import { type Ctx, can, inTransaction } from '../../platform/context';
import { scopeWhere } from '../../platform/data-scope';
import { emit } from '../../platform/events';
import { customerById, customerRef } from '../customers';
import { changeOwner } from './change-owner';

const assignScope = (ctx: Ctx) =>
  and(
    scopeWhere(ctx, 'customers', 'assign', {
      orgId: customerRef.orgId,
      owner: customerRef.ownerId,
      team: customerRef.teamId,
    }),
    isNull(customerRef.mergedIntoId),
  ) as SQL;

/**
 * The owner puts a customer back into its team's pool, with a reason; a manager (customers.assign)
 * may do it for customers in their scope, and the owner is then told. The team stays.
 */
export async function releaseCustomer(
  ctx: Ctx,
  id: string,
  expected: number | undefined,
  input: ReleaseCustomerInput,
): Promise<PoolCustomer> {
  return inTransaction(ctx, async (tx) => {
    const mayUpdate = can(tx, 'customers', 'update');
    const mayAssign = can(tx, 'customers', 'assign');
    const visible = [
      ...(mayUpdate ? [customerById(tx, 'update', id)] : []),
      ...(mayAssign ? [and(assignScope(tx), eq(customerRef.id, id)) as SQL] : []),
    ];
    if (visible.length === 0) throw AppError.forbidden();
    const [current] = await tx.db
      .select({
        row: {
          name: customerRef.name,
          ownerId: customerRef.ownerId,
          pooledAt: customerRef.pooledAt,
          version: customerRef.version,
        },
        assignable: mayAssign ? sql<boolean>`(${assignScope(tx)})` : sql<boolean>`false`,
      })
      .from(customerRef)
      .where(or(...visible))
      .for('update');
    if (!current) throw AppError.notFound();
    const { row } = current;
    if (row.pooledAt !== null || row.ownerId === null) throw new AppError('pool.already_in_pool', 409);
    const mine = row.ownerId === tx.userId && mayUpdate;
    if (!mine && !current.assignable) throw new AppError('pool.not_owner', 403);
    if (expected !== undefined && expected !== row.version) throw AppError.versionConflict();
    await changeOwner(tx, [id], { ownerId: null }, { reason: 'release', text: input.reason });
    const [released] = await tx.db
      .select()
      .from(customerRef)
      .where(and(eq(customerRef.orgId, tx.orgId), eq(customerRef.id, id)));
    const after = released as typeof customerRef.$inferSelect;
    await emit(tx, 'pool.customer_released', {
      customerId: id,
      customerName: row.name,
      previousOwnerId: row.ownerId,
      reason: input.reason,
    });
    return {
      id: after.id,
      code: after.code,
      name: after.name,
      nameEn: after.nameEn,
      country: after.country,
      industry: after.industry,
      status: after.status,
      teamId: after.teamId,
      pooledAt: (after.pooledAt as Date).toISOString(),
      lastFollowUpAt: after.lastFollowUpAt?.toISOString() ?? null,
      previousOwnerId: row.ownerId,
    };
  });
}
