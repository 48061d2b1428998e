import { sql } from 'drizzle-orm';
import { queryRows } from '../db/database';
import type { Ctx } from './context';

/**
 * The next number of an organisation's counter as a code (prefix + six digits, e.g. C000001),
 * safe under concurrent creates.
 */
export async function nextCode(ctx: Ctx, counter: string, prefix: string): Promise<string> {
  const [row] = await queryRows<{ value: string | number }>(
    ctx.db,
    sql`insert into counters (org_id, name, value) values (${ctx.orgId}, ${counter}, 1)
        on conflict (org_id, name) do update set value = counters.value + 1
        returning value`,
  );
  return `${prefix}${String(row?.value).padStart(6, '0')}`;
}
