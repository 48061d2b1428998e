import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/database';
import type { Ctx } from '../../platform/context';

/** The next customer code of the organisation (C000001, C000002, …), safe under concurrent creates. */
export async function nextCustomerCode(ctx: Ctx): Promise<string> {
  const [row] = await queryRows<{ value: string | number }>(
    ctx.db,
    sql`insert into counters (org_id, name, value) values (${ctx.orgId}, 'customer_code', 1)
        on conflict (org_id, name) do update set value = counters.value + 1
        returning value`,
  );
  return `C${String(row?.value).padStart(6, '0')}`;
}
