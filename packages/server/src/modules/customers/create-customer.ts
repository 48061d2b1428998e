import type { CreateCustomerInput, Customer } from '@berth/domain';
import { AppError, isUniqueViolation } from '../../platform/app-error';
import { type Ctx, inTransaction, requireScope } from '../../platform/context';
import { assertWritableFields } from '../../platform/field-access';
import { assertCustomerAssignment, teamOfUser } from './assert-customer-assignment';
import { toCustomer } from './customer-dto';
import { customerKeys } from './customer-search-keys';
import { nextCustomerCode } from './next-customer-code';
import { saveLanes } from './save-lanes';
import { customers } from './tables';

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
    const code = await nextCustomerCode(tx);
    const { lanes, ...tradeProfile } = input.tradeProfile;
    const [row] = await tx.db
      .insert(customers)
      .values({
        orgId: tx.orgId,
        code,
        name: input.name,
        nameEn: input.nameEn ?? null,
        creditCode: input.creditCode ?? null,
        address: input.address ?? null,
        country: input.country ?? null,
        website: input.website ?? null,
        phone: input.phone ?? null,
        email: input.email ?? null,
        industry: input.industry ?? null,
        employees: input.employees ?? null,
        annualRevenue: input.annualRevenue?.amount ?? null,
        revenueCurrency: input.annualRevenue?.currency ?? null,
        roles: input.roles,
        relationshipType: input.relationshipType ?? null,
        status: input.status,
        ownerId,
        teamId,
        tradeProfile,
        billing: input.billing,
        ...customerKeys({ code, ...input }),
      })
      .returning()
      .catch(mapCustomerWriteErrors);
    const created = row as typeof customers.$inferSelect;
    await saveLanes(tx, created.id, lanes);
    return toCustomer(tx, tx.db, created);
  });
}
