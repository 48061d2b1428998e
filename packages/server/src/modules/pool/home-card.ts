import {
  homeCardRowLimit,
  type PoolReturnCard,
  type PoolReturnRow,
  poolHomeCardEndpoints,
  poolReturnHorizonDays,
} from '@berth/domain';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/database';
import { type Ctx, nowSql, requireScope } from '../../platform/context';
import { defineHomeCard } from '../../platform/module';
import { customerRef, customersInScope } from '../customers';
import { dueCustomers } from './pool-sweep';

interface ReturnSqlRow {
  id: string;
  code: string;
  name: string;
  owner_id: string;
  owner_name: string | null;
  due_at: Date | string;
  rule: PoolReturnRow['rule'];
  rule_days: number;
  total: number | string;
}

/**
 * Owned customers the caller may read that the pool rule returns within its warning period (at least
 * poolReturnHorizonDays ahead), soonest first: the sweep's own due computation (`dueCustomers`) at the request's
 * clock, without its row locks, limited to the customers scope in a subquery. One statement with the total.
 */
export async function poolReturnCard(ctx: Ctx): Promise<PoolReturnCard> {
  const scope = requireScope(ctx, 'customers', 'read');
  const now = nowSql(ctx);
  const visible = sql`c.id in (select ${customerRef.id} from ${customerRef} where ${customersInScope(ctx, 'read')})`;
  const soon = sql`d.due_at <= ${now} + greatest(r.warn_days_before, ${poolReturnHorizonDays}) * interval '24 hours'`;
  const rows = await queryRows<ReturnSqlRow>(
    ctx.db,
    sql`with due as (${dueCustomers(ctx.orgId, sql`${visible} and ${soon}`, { lock: false })})
        select due.id, due.code, due.name, due.owner_id, u.name as owner_name, due.due_at, due.rule, due.rule_days,
               count(*) over () as total
          from due
          left join users u on u.org_id = ${ctx.orgId} and u.id = due.owner_id
         order by due.due_at, due.id
         limit ${homeCardRowLimit}`,
  );
  return {
    scope,
    count: Number(rows[0]?.total ?? 0),
    items: rows.map((r) => ({
      customerId: r.id,
      code: r.code,
      name: r.name,
      ownerId: r.owner_id,
      ownerName: r.owner_name,
      dueAt: new Date(r.due_at).toISOString(),
      rule: r.rule,
      ruleDays: Number(r.rule_days),
    })),
  };
}

export const poolHomeCards = [
  defineHomeCard({
    endpoint: poolHomeCardEndpoints.poolReturns,
    access: { permission: ['customers', 'read'] },
    load: poolReturnCard,
  }),
];
