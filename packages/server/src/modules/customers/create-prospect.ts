import type { Ctx } from '../../platform/context';
import { can } from '../../platform/context';
import { emitAll } from '../../platform/events';
import { teamOfUser } from './assert-customer-assignment';
import { mapCustomerWriteErrors } from './create-customer';
import { customerEventRecord } from './customer-events';
import { customerKeys } from './customer-search-keys';
import { nextCustomerCode } from './next-customer-code';
import { customers } from './tables';

export interface NewProspect {
  name: string;
  creditCode?: string | null;
  country?: string | null;
  phone: string | null;
  email: string | null;
}

/**
 * A company met somewhere (a lead at a trade show) as a new prospect: owned by the caller when they
 * may own customers (sales), else unassigned for a manager to hand out. The caller has checked that
 * the organisation does not know it yet and holds the transaction. Announced as any new customer is, so the pool's
 * clocks start for its owner (owned since now, protected by the rule). Returns its id.
 */
export async function createProspect(ctx: Ctx, company: NewProspect): Promise<string> {
  const ownerId = ctx.userId && can(ctx, 'customers', 'create') ? ctx.userId : null;
  const code = await nextCustomerCode(ctx);
  const [row] = await ctx.db
    .insert(customers)
    .values({
      orgId: ctx.orgId,
      code,
      name: company.name,
      creditCode: company.creditCode ?? null,
      country: company.country ?? null,
      phone: company.phone,
      email: company.email,
      status: 'prospect',
      ownerId,
      teamId: await teamOfUser(ctx, ownerId),
      tradeProfile: { commodities: [], preferredModes: [] },
      billing: {},
      ...customerKeys({
        code,
        name: company.name,
        creditCode: company.creditCode,
        phone: company.phone,
        email: company.email,
      }),
    })
    .returning({
      id: customers.id,
      code: customers.code,
      status: customers.status,
      ownerId: customers.ownerId,
      teamId: customers.teamId,
    })
    .catch(mapCustomerWriteErrors);
  const created = row as NonNullable<typeof row>;
  await emitAll(ctx, 'customer.created', [customerEventRecord(created)]);
  return created.id;
}
