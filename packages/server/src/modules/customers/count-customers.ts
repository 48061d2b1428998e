import type { CustomerCount, customerCountQuerySchema } from '@berth/domain';
import { and, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { queryRows } from '../../db/database';
import type { Ctx } from '../../platform/context';
import { withinSegment } from '../segments';
import { customerFilterWhere } from './customer-filter-where';
import { customers } from './tables';

type CountQuery = z.infer<typeof customerCountQuerySchema>;

/**
 * Up to which planner cost a count is made exactly. Counting reads every selected row; below this the
 * filters narrow the list through an index or the organisation is small, and the exact number comes in
 * milliseconds. Above it the planner's own estimate of the rows is answered, marked `estimated`.
 */
export const exactCountMaxCost = 25_000;

interface Plan {
  Plan: { 'Total Cost': number; 'Plan Rows': number };
}

/** The planner's estimate of a query: its cost and the rows it expects. */
async function planOf(ctx: Ctx, query: SQL): Promise<{ cost: number; rows: number }> {
  const [row] = await queryRows<Record<string, unknown>>(ctx.db, sql`explain (format json) ${query}`);
  const raw = row ? Object.values(row)[0] : undefined;
  const plans = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Plan[] | undefined;
  const plan = plans?.[0]?.Plan;
  return { cost: plan?.['Total Cost'] ?? Number.POSITIVE_INFINITY, rows: Math.round(plan?.['Plan Rows'] ?? 0) };
}

/**
 * How many customers the list's filters (and segment) select among those the caller may read: exact when
 * counting is cheap, else the planner's estimate for the same condition (scope included).
 */
export async function countCustomers(
  ctx: Ctx,
  query: CountQuery,
  maxExactCost = exactCountMaxCost,
): Promise<CustomerCount> {
  const { segment, ...own } = query;
  const selection = segment ? await withinSegment(ctx, segment, own) : { query: own, within: undefined };
  const where = and(customerFilterWhere(ctx, selection.query), selection.within);
  const counted = ctx.db.select({ n: sql<number>`count(*)::int` }).from(customers).where(where);
  const plan = await planOf(ctx, ctx.db.select({ id: customers.id }).from(customers).where(where).getSQL());
  if (plan.cost <= maxExactCost) {
    const [row] = await counted;
    return { count: row?.n ?? 0, estimated: false };
  }
  return { count: plan.rows, estimated: true };
}
