import type { CreateCustomerInput, Customer } from '@berth/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { AppError, isUniqueViolation } from '../../platform/app-error';
import { recordEvent } from '../../platform/audit';
import { type Ctx, inTransaction, requireScope } from '../../platform/context';
import { assertWritableFields } from '../../platform/field-access';
import { assertCustomerAssignment, teamOfUser } from './assert-customer-assignment';
import { toCustomer } from './customer-dto';
import type { CustomerRow } from './customer-row';
import { customersInScope } from './customer-scope';
import { insertCustomers } from './insert-customers';
import { customers } from './tables';

export function mapCustomerWriteErrors(error: unknown): never {
  if (isUniqueViolation(error, 'customers_org_credit_code_uq')) {
    throw AppError.conflict('customer.credit_code_taken', 'creditCode');
  }
  throw error;
}

export async function createCustomer(ctx: Ctx, fullInput: CreateCustomerInput): Promise<Customer> {
  requireScope(ctx, 'customers', 'create');
  const { duplicateConfirmation, ...input } = fullInput;
  return inTransaction(ctx, async (tx) => {
    const ownerId = input.ownerId === undefined ? tx.userId : input.ownerId;
    const teamId = input.teamId === undefined ? await teamOfUser(tx, ownerId) : input.teamId;
    await assertCustomerAssignment(tx, 'create', { ownerId, teamId });
    // Billing needs customerBilling.update for the new record; an empty profile writes nothing.
    assertWritableFields(tx, 'customers', input, [{ ownerId, teamId }], { creating: true });
    const [created] = await insertCustomers(tx, [{ input, ownerId, teamId }]).catch(mapCustomerWriteErrors);
    if (duplicateConfirmation && created) {
      // Saved although the form showed possible duplicates: why, and which of them (those the caller may read).
      const shown =
        duplicateConfirmation.customerIds.length === 0
          ? []
          : await tx.db
              .select({ id: customers.id, code: customers.code })
              .from(customers)
              .where(
                and(
                  customersInScope(tx, 'read'),
                  inArray(customers.id, duplicateConfirmation.customerIds),
                  eq(customers.orgId, tx.orgId),
                ),
              );
      await recordEvent(tx, {
        action: 'duplicate_confirmed',
        entity: 'customers',
        entityId: created.id,
        meta: {
          reason: duplicateConfirmation.reason,
          duplicates: shown.map((c) => ({ id: c.id, code: c.code })),
        },
      });
    }
    return toCustomer(tx, tx.db, created as CustomerRow);
  });
}
