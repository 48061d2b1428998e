import type { Customer } from '@berth/domain';
import { AppError } from '../../platform/app-error';
import type { Ctx } from '../../platform/context';
import { toCustomer } from './customer-dto';
import { customerById } from './customer-scope';
import { customers } from './tables';

export async function getCustomer(ctx: Ctx, id: string): Promise<Customer> {
  const [row] = await ctx.db
    .select()
    .from(customers)
    .where(customerById(ctx, 'read', id));
  if (!row) throw AppError.notFound();
  return toCustomer(ctx, ctx.db, row);
}
