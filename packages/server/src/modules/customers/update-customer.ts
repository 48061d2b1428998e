import type { Customer, UpdateCustomerInput } from '@berth/domain';
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import { AppError } from '../../platform/app-error';
import { type Ctx, can, inTransaction } from '../../platform/context';
import { scopeWhere } from '../../platform/data-scope';
import { emit } from '../../platform/events';
import { assertWritableFields } from '../../platform/field-access';
import { updateVersioned } from '../../platform/versioned-write';
import { editedOwnerClocks, protectedUntilSql, recordOwnerEdit } from '../pool';
import { assertCustomerAssignment, teamOfUser } from './assert-customer-assignment';
import { mapCustomerWriteErrors } from './create-customer';
import { toCustomer } from './customer-dto';
import { changedCustomerFields, customerEventRecord } from './customer-events';
import { customerPatch } from './customer-row';
import { customerById } from './customer-scope';
import { customerKeys } from './customer-search-keys';
import { replaceLanes } from './save-lanes';
import { customers } from './tables';

/**
 * Finance may change the billing profile without the right to edit the rest of the customer;
 * any other field needs `customers.update` within its data scope.
 */
function writableCustomer(ctx: Ctx, id: string, input: UpdateCustomerInput): SQL {
  const billingOnly = Object.keys(input).every((k) => k === 'billing');
  if (billingOnly && !can(ctx, 'customers', 'update') && can(ctx, 'customerBilling', 'update')) {
    const scope = scopeWhere(ctx, 'customerBilling', 'update', {
      orgId: customers.orgId,
      owner: customers.ownerId,
      team: customers.teamId,
    });
    return and(scope, eq(customers.id, id), isNull(customers.mergedIntoId)) as SQL;
  }
  return customerById(ctx, 'update', id);
}

export async function updateCustomer(
  ctx: Ctx,
  id: string,
  expected: number | undefined,
  input: UpdateCustomerInput,
): Promise<Customer> {
  return inTransaction(ctx, async (tx) => {
    const where = writableCustomer(tx, id, input);
    const [current] = await tx.db.select().from(customers).where(where).for('update');
    if (!current) throw AppError.notFound();
    const patch: Record<string, unknown> = customerPatch(input);
    if (input.ownerId !== undefined) patch.ownerId = input.ownerId;
    if (input.teamId !== undefined) patch.teamId = input.teamId;
    if (input.ownerId !== undefined || input.teamId !== undefined) {
      // A new owner brings the customer into their team unless a team is given.
      const ownerChanged = input.ownerId !== undefined && input.ownerId !== current.ownerId;
      const teamId =
        input.teamId !== undefined
          ? input.teamId
          : ownerChanged
            ? await teamOfUser(tx, input.ownerId ?? null)
            : current.teamId;
      if (teamId !== current.teamId) patch.teamId = teamId;
      if (ownerChanged) {
        // Giving the customer to someone in the form is an assignment: the new owner is protected as after one.
        Object.assign(patch, editedOwnerClocks(tx, input.ownerId ?? null));
        if (input.ownerId) patch.protectedUntil = protectedUntilSql(tx, teamId);
      }
      await assertCustomerAssignment(
        tx,
        'update',
        { ownerId: input.ownerId === undefined ? current.ownerId : input.ownerId, teamId },
        current.ownerId,
      );
    }
    const merged = { ...current, ...patch } as typeof current;
    // Billing needs customerBilling.update on the customer as it is and as it will be.
    assertWritableFields(tx, 'customers', input, [current, merged]);
    Object.assign(patch, customerKeys(merged));
    const row = await updateVersioned(tx, customers, where, expected, patch).catch(mapCustomerWriteErrors);
    await recordOwnerEdit(tx, current, row);
    if (input.tradeProfile) await replaceLanes(tx, [{ customerId: id, lanes: input.tradeProfile.lanes }]);
    const changed = changedCustomerFields(current, row);
    if (input.tradeProfile && !changed.includes('tradeProfile')) changed.push('tradeProfile');
    await emit(tx, 'customer.updated', { ...customerEventRecord(row), changed });
    return toCustomer(tx, tx.db, row);
  });
}
