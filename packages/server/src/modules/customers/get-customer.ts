import type { Customer } from '@berth/domain';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/database';
import { AppError } from '../../platform/app-error';
import type { Ctx } from '../../platform/context';
import { userTimeZoneSql } from '../org-settings';
import { customerRecordColumns, toCustomer } from './customer-dto';
import { wonThisYear } from './customer-list-extras';
import { customerById } from './customer-scope';
import { customers } from './tables';

export async function getCustomer(ctx: Ctx, id: string): Promise<Customer> {
  // The reader's time zone comes with the row: the year of "won this year" is theirs.
  const [found] = await ctx.db
    .select({ row: customerRecordColumns, timeZone: userTimeZoneSql(ctx, ctx.userId) })
    .from(customers)
    .where(customerById(ctx, 'read', id));
  if (!found) throw await notFoundOrMerged(ctx, id);
  const customer = await toCustomer(ctx, ctx.db, found.row);
  // The 360 summary's figure: one grouped sum here instead of the won deals listed in the browser.
  return { ...customer, wonThisYear: await wonThisYear(ctx, ctx.db, found.row.id, found.timeZone) };
}

/**
 * A customer merged away lives on in the record it was merged into (perhaps itself merged later): the 404 names
 * that record when the reader may see it, so an old link, bookmark or notification leads there. Otherwise a plain 404.
 */
async function notFoundOrMerged(ctx: Ctx, id: string): Promise<AppError> {
  const [survivor] = await queryRows<{ id: string }>(
    ctx.db,
    sql`with recursive chain(id, merged_into_id, depth) as (
          select id, merged_into_id, 0 from customers where org_id = ${ctx.orgId} and id = ${id}
          union all
          select c.id, c.merged_into_id, chain.depth + 1
            from customers c join chain on c.org_id = ${ctx.orgId} and c.id = chain.merged_into_id
           where chain.depth < 20
        )
        select id from chain where merged_into_id is null and depth > 0`,
  );
  if (!survivor) return AppError.notFound();
  const [visible] = await ctx.db
    .select({ id: customers.id, code: customers.code, name: customers.name })
    .from(customers)
    .where(customerById(ctx, 'read', survivor.id));
  if (!visible) return AppError.notFound();
  return new AppError('customer.merged', 404, {
    movedTo: { resource: 'customers', id: visible.id, label: `${visible.code} ${visible.name}` },
  });
}
