import { sql } from 'drizzle-orm';
import { queryRows } from '../db/database';
import type { Ctx } from './context';

/**
 * The next `count` numbers of an organisation's counter as codes (prefix + six digits, e.g.
 * C000001), taken with one statement: safe under concurrent creates, and a batch of imported
 * records gets one block.
 */
export async function nextCodes(ctx: Ctx, counter: string, prefix: string, count: number): Promise<string[]> {
  if (count <= 0) return [];
  const [row] = await queryRows<{ value: string | number }>(
    ctx.db,
    sql`insert into counters (org_id, name, value) values (${ctx.orgId}, ${counter}, ${count})
        on conflict (org_id, name) do update set value = counters.value + ${count}
        returning value`,
  );
  const first = Number(row?.value) - count + 1;
  return Array.from({ length: count }, (_, i) => `${prefix}${String(first + i).padStart(6, '0')}`);
}

/** The next number of an organisation's counter as a code. */
export async function nextCode(ctx: Ctx, counter: string, prefix: string): Promise<string> {
  const [code] = await nextCodes(ctx, counter, prefix, 1);
  return code as string;
}
