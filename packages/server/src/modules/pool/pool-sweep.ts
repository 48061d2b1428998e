import { type Clock, wholeDaysUntil } from '@berth/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/database';
import { type Ctx, inTransaction, systemCtx } from '../../platform/context';
import { emit } from '../../platform/events';

export const poolSweepJob = 'pool.sweep';
/** How often the sweep runs; warnings and returns are at most this late. */
export const poolSweepEveryMs = 3_600_000;

/**
 * Owned customers with the rule that applies to them (their team's override, else the
 * organisation's) and when they fall due: idle time counts from the later of the last follow-up
 * (or deal) and owner_since (created_at for customers owned since before it was kept); the
 * protection period comes first. Customers the rule exempts (every role of theirs exempt — consignees, agents,
 * carriers — or an exempt relationship such as strategic) are never due. The same computation as poolDueAt in the domain package: days are
 * whole 24-hour periods (`interval '24 hours'`), since `interval '1 day'` would be a calendar day
 * of the session's TimeZone, 23 or 25 hours across a daylight-saving change. The sweep locks the rows it
 * is about to change; a reader (the home card) passes `lock: false`.
 */
export function dueCustomers(orgId: string, extra: SQL, options: { lock?: boolean } = { lock: true }): SQL {
  return sql`
    select c.id, c.code, c.owner_id, c.team_id, c.name, d.due_at, r.warn_days_before as warn_days,
           case when d.follow_up_due is not null and (d.deal_due is null or d.follow_up_due <= d.deal_due)
                then 'no_follow_up' else 'no_deal' end as rule,
           case when d.follow_up_due is not null and (d.deal_due is null or d.follow_up_due <= d.deal_due)
                then r.no_follow_up_days else r.no_deal_days end as rule_days
      from customers c
      cross join lateral (
        select pr.* from pool_rules pr
         where pr.org_id = c.org_id and (pr.team_id = c.team_id or pr.team_id is null)
         order by pr.team_id asc nulls last limit 1) r
      cross join lateral (
        select greatest(c.last_follow_up_at, coalesce(c.owner_since, c.created_at))
                 + r.no_follow_up_days * interval '24 hours' as follow_up_due,
               greatest(c.last_deal_at, coalesce(c.owner_since, c.created_at))
                 + r.no_deal_days * interval '24 hours' as deal_due) i
      cross join lateral (
        select i.follow_up_due, i.deal_due,
               case when least(i.follow_up_due, i.deal_due) is null then null
                    else greatest(c.protected_until, least(i.follow_up_due, i.deal_due)) end as due_at) d
     where c.org_id = ${orgId} and c.owner_id is not null and c.merged_into_id is null
       and r.enabled and d.due_at is not null
       and not (cardinality(c.roles) > 0 and c.roles <@ r.exempt_roles)
       and (c.relationship_type is null or not c.relationship_type = any(r.exempt_relationships))
       and ${extra}
     ${options.lock ? sql`for update of c skip locked` : sql``}`;
}

interface DueRow {
  id: string;
  owner_id: string;
  team_id: string | null;
  name: string;
  due_at: Date | string;
  rule: 'no_follow_up' | 'no_deal';
  rule_days: number;
}

/** Warns owners whose customers fall due within the rule's warning period, once per due date. */
async function warnOwners(ctx: Ctx, now: string): Promise<number> {
  const warnWindow = sql`${now}::timestamptz >= d.due_at - r.warn_days_before * interval '24 hours'`;
  const notWarned = sql`(c.pool_warned_at is null or c.pool_warned_at < d.due_at - r.warn_days_before * interval '24 hours')`;
  const rows = await queryRows<DueRow>(
    ctx.db,
    sql`with due as (${dueCustomers(ctx.orgId, sql`r.warn_days_before > 0 and ${warnWindow} and ${notWarned}`)})
        update customers set pool_warned_at = ${now}::timestamptz
          from due
         where customers.org_id = ${ctx.orgId} and customers.id = due.id and customers.owner_id = due.owner_id
           and (customers.pool_warned_at is null
                or customers.pool_warned_at < due.due_at - due.warn_days * interval '24 hours')
        returning customers.id, due.owner_id, customers.name, due.due_at, due.rule, due.rule_days`,
  );
  await emit(ctx, 'pool.return_due', {
    customers: rows.map((r) => ({
      customerId: r.id,
      customerName: r.name,
      ownerId: r.owner_id,
      days: Math.max(1, wholeDaysUntil(new Date(now), new Date(r.due_at))),
      rule: r.rule,
      ruleDays: r.rule_days,
    })),
  });
  return rows.length;
}

/**
 * Returns due customers to their team's pool (owner cleared, team kept), but only once the owner
 * has had the full warning period, and records each return with the rule that applied.
 */
async function returnDue(ctx: Ctx, now: string): Promise<number> {
  const warnedInTime = sql`(r.warn_days_before = 0
      or (c.pool_warned_at >= d.due_at - r.warn_days_before * interval '24 hours'
          and c.pool_warned_at + r.warn_days_before * interval '24 hours' <= ${now}::timestamptz))`;
  const rows = await queryRows<DueRow>(
    ctx.db,
    sql`with due as (${dueCustomers(ctx.orgId, sql`d.due_at <= ${now}::timestamptz and ${warnedInTime}`)}),
        moved as (
          update customers set owner_id = null, pooled_at = ${now}::timestamptz, owner_since = null,
                 protected_until = null, pool_warned_at = null,
                 version = customers.version + 1, updated_at = now()
            from due
           where customers.org_id = ${ctx.orgId} and customers.id = due.id and customers.owner_id = due.owner_id
          returning customers.id, due.owner_id, customers.team_id, customers.name, due.due_at, due.rule, due.rule_days),
        logged as (
          insert into ownership_changes (org_id, customer_id, kind, from_owner_id, to_owner_id, from_team_id,
                                         to_team_id, details, actor_type)
          select ${ctx.orgId}::uuid, moved.id, 'auto_return', moved.owner_id, null::uuid, moved.team_id, moved.team_id,
                 jsonb_build_object('rule', moved.rule, 'days', moved.rule_days), 'system'
            from moved)
        select * from moved`,
  );
  await emit(ctx, 'pool.customers_returned', {
    customers: rows.map((r) => ({
      customerId: r.id,
      customerName: r.name,
      ownerId: r.owner_id,
      rule: r.rule,
      ruleDays: r.rule_days,
    })),
  });
  return rows.length;
}

/**
 * The scheduled pool job, for every organisation with an enabled rule: warn owners, then return
 * idle customers. Set-based per organisation, one transaction each. Safe to run twice at once
 * (rows are locked with SKIP LOCKED and every update re-checks its condition) and idempotent (a
 * warning is sent once per due date, a returned customer has no owner to return). `clock` is the
 * job run's: "now" is its instant.
 */
export async function runPoolSweep(db: Db, clock: Clock): Promise<{ warned: number; returned: number }> {
  const at = clock.now().toISOString();
  const orgs = await queryRows<{ org_id: string }>(db, sql`select distinct org_id from pool_rules where enabled`);
  let warned = 0;
  let returned = 0;
  for (const { org_id } of orgs) {
    await inTransaction(systemCtx(db, org_id, { clock }), async (tx) => {
      returned += await returnDue(tx, at);
      warned += await warnOwners(tx, at);
    });
  }
  return { warned, returned };
}
