import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import { customerRef } from '../customers';
import { duplicateDismissals } from './tables';

/**
 * Dismissals of the caller's organisation whose customers are all within `customerScope` (a
 * condition on `customers`): at least one member still on record, and none outside the scope.
 * Members merged away since are left out of the check, so a decision on customers the caller
 * may see stays reachable after one of them was merged. `is not true` also counts a scope that
 * evaluates to null (a pooled customer under "own" scope) as outside.
 */
export function dismissalsWithin(ctx: Ctx, customerScope: SQL): SQL {
  const members = sql`${customerRef.orgId} = ${duplicateDismissals.orgId}
    and ${customerRef.id} = any(${duplicateDismissals.customerIds})`;
  return sql`(${duplicateDismissals.orgId} = ${ctx.orgId}
    and exists (select 1 from ${customerRef} where ${members} and ${customerScope})
    and not exists (select 1 from ${customerRef}
                     where ${members} and ${customerRef.mergedIntoId} is null and (${customerScope}) is not true))`;
}
