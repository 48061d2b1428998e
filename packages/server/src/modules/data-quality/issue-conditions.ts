import { addZonedMonths, countries, type DataIssueKind, UNLOCODE_PATTERN } from '@berth/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import { customerRef, invalidCreditCodeSql, invalidEmailSql, invalidPhoneSql } from '../customers';

/**
 * The ISO country codes as one array literal (two capital letters each, checked before they go into the SQL text).
 * A lane's code is valid when it has the UN/LOCODE shape and a known country; it need not be in the port list
 * the console offers, which holds only the ports most used.
 */
const knownCountries = `'{${countries
  .map((c) => c.code)
  .filter((code) => /^[A-Z]{2}$/.test(code))
  .join(',')}}'::text[]`;
const invalidCode = (column: 'l.pol' | 'l.pod' | 'u.code'): SQL =>
  sql.raw(`(${column} !~ '${UNLOCODE_PATTERN}' or left(${column}, 2) <> all(${knownCountries}))`);

/** Customers with a lane whose POL or POD is not a valid UN/LOCODE. */
const laneInvalidCode = (ctx: Ctx): SQL =>
  sql`${customerRef.id} in (select l.customer_id from customer_lanes l
        where l.org_id = ${ctx.orgId} and (${invalidCode('l.pol')} or ${invalidCode('l.pod')}))`;

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
    case 'laneInvalidCode':
      return laneInvalidCode(ctx);
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
    case 'laneInvalidCode':
      // Qualified by hand: drizzle writes selected columns of a one-table query without the table name.
      return sql`(select string_agg(u.code, ', ' order by u.code) from (
                    select l.pol as code from customer_lanes l where l.org_id = ${thisCustomer.orgId} and l.customer_id = ${thisCustomer.id}
                    union
                    select l.pod from customer_lanes l where l.org_id = ${thisCustomer.orgId} and l.customer_id = ${thisCustomer.id}
                  ) u where ${invalidCode('u.code')})`;
    default:
      return sql`null::text`;
  }
}
