import type { CreateCustomerInput, Customer } from '@berth/domain';
import { AppError, isUniqueViolation } from '../../platform/app-error';
import { type Ctx, inTransaction, requireScope } from '../../platform/context';
import { assertWritableFields } from '../../platform/field-access';
import { assertCustomerAssignment, teamOfUser } from './assert-customer-assignment';
import { toCustomer } from './customer-dto';
import type { CustomerRow } from './customer-row';
import { insertCustomers } from './insert-customers';

export function mapCustomerWriteErrors(error: unknown): never {
  if (isUniqueViolation(error, 'customers_org_credit_code_uq')) {
    throw AppError.conflict('customer.credit_code_taken', 'creditCode');
  }
  throw error;
}

export async function createCustomer(ctx: Ctx, input: CreateCustomerInput): Promise<Customer> {
  requireScope(ctx, 'customers', 'create');
  return inTransaction(ctx, async (tx) => {
    const ownerId = input.ownerId === undefined ? tx.userId : input.ownerId;
    const teamId = input.teamId === undefined ? await teamOfUser(tx, ownerId) : input.teamId;
    await assertCustomerAssignment(tx, 'create', { ownerId, teamId });
    // Billing needs customerBilling.update for the new record; an empty profile writes nothing.
    assertWritableFields(tx, 'customers', input, [{ ownerId, teamId }], { creating: true });
    const [created] = await insertCustomers(tx, [{ input, ownerId, teamId }]).catch(mapCustomerWriteErrors);
    return toCustomer(tx, tx.db, created as CustomerRow);
  });
}
