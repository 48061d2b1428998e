import { addZonedMonths, type DataIssueKind, ports } from '@berth/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import { customerRef, invalidCreditCodeSql, invalidEmailSql, invalidPhoneSql } from '../customers/public';

/**
 * The known UN/LOCODEs as one array literal. Built from the reference list only (every code is
 * checked against the UN/LOCODE shape first), so it is safe to put into the SQL text, where the
 * planner hashes `<> all(...)` instead of comparing a lane with each port in turn.
 */
const knownPorts = sql.raw(
  `'{${ports
    .map((p) => p.code)
    .filter((code) => /^[A-Z0-9]{5}$/.test(code))
    .join(',')}}'::text[]`,
);

/** Customers with a lane whose POL or POD is not in the reference list; one hashed pass over the lanes. */
const laneUnknownPort = (ctx: Ctx): SQL =>
  sql`${customerRef.id} in (select l.customer_id from customer_lanes l
        where l.org_id = ${ctx.orgId} and (l.pol <> all(${knownPorts}) or l.pod <> all(${knownPorts})))`;

/** `months` calendar months before the context's now, in the organisation's time zone. */
const staleCutoff = (ctx: Ctx, months: number, timeZone: string): SQL =>
  sql`${addZonedMonths(timeZone, ctx.clock.now(), -months).toISOString()}::timestamptz`;

/** Problems found through a small partial index rather than in the one pass over all customers. */
export const indexedIssueKinds: readonly DataIssueKind[] = ['creditCodeInvalid', 'phoneInvalid', 'emailInvalid'];

/** The condition on the `customers` table that a record has the problem. */
export function issueCondition(ctx: Ctx, kind: DataIssueKind, staleMonths: number, timeZone: string): SQL {
  switch (kind) {
    // The same text as the partial indexes' predicates, so these lists and counts read only the invalid rows.
    case 'creditCodeInvalid':
      return sql`(${sql.raw(invalidCreditCodeSql)})`;
    case 'phoneInvalid':
      return sql`(${sql.raw(invalidPhoneSql)})`;
    case 'emailInvalid':
      return sql`(${sql.raw(invalidEmailSql)})`;
    case 'laneUnknownPort':
      return laneUnknownPort(ctx);
    case 'noOwner':
      // A customer waiting in its team's pool (公海) has no owner on purpose.
      return sql`(${customerRef.ownerId} is null and ${customerRef.pooledAt} is null)`;
    case 'stale':
      return sql`(${customerRef.updatedAt} < ${staleCutoff(ctx, staleMonths, timeZone)}
                  and (${customerRef.lastFollowUpAt} is null or ${customerRef.lastFollowUpAt} < ${staleCutoff(ctx, staleMonths, timeZone)}))`;
  }
}

const thisCustomer = { orgId: sql.raw('"customers"."org_id"'), id: sql.raw('"customers"."id"') };

/** The offending value shown next to a record in the drill-down list. */
export function issueValue(kind: DataIssueKind): SQL<string | null> {
  switch (kind) {
    case 'creditCodeInvalid':
      return sql`${customerRef.creditCode}`;
    case 'phoneInvalid':
      return sql`${customerRef.phone}`;
    case 'emailInvalid':
      return sql`${customerRef.email}`;
    case 'laneUnknownPort':
      // Qualified by hand: drizzle writes selected columns of a one-table query without the table name.
      return sql`(select string_agg(u.code, ', ' order by u.code) from (
                    select l.pol as code from customer_lanes l where l.org_id = ${thisCustomer.orgId} and l.customer_id = ${thisCustomer.id}
                    union
                    select l.pod from customer_lanes l where l.org_id = ${thisCustomer.orgId} and l.customer_id = ${thisCustomer.id}
                  ) u where u.code <> all(${knownPorts}))`;
    default:
      return sql`null::text`;
  }
}
