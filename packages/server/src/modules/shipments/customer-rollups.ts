import { addWholeDays, anyMoney, type Clock, MoneyDecimal, zonedDate } from '@berth/domain';
import { sql } from 'drizzle-orm';
import { arrayParam, type Db, queryRows } from '../../db/database';
import { type Ctx, inTransaction, systemCtx } from '../../platform/context';
import { emit } from '../../platform/events';
import { enqueueJob, type Job } from '../../platform/jobs/job-runner';
import { loadRateTable } from '../exchange-rates';
import { orgSettings } from '../org-settings';

/** The nightly job that moves every customer's 12-month window on. */
export const customerRollupsJob = 'shipments.customer-rollups';
export const customerRollupsEveryMs = 86_400_000;

/** What the customers keep of their shipments (event `shipment.customer_rollups`); ISO times, decimal strings. */
export interface CustomerShipmentRollup {
  customerId: string;
  firstShipmentAt: string | null;
  lastShipmentAt: string | null;
  /** Shipments, TEU and revenue whose shipment date lies in the 12 months (365 days) before the computation. */
  shipments12m: number;
  teu12m: string;
  revenue12m: { amount: string; currency: string };
  /** False when an amount could not be converted for want of a rate; it is then left out of the sum. */
  revenueComplete: boolean;
}

/**
 * A shipment's date for the roll-ups: its actual departure, else its planned one, else when it was recorded.
 * The calendar day is the organisation's.
 */
const shipmentAt = sql.raw('coalesce(s.atd, s.etd, s.created_at)');

/** The customers the given shipments belong to now, to refresh after a change (and before it, for those they leave). */
export async function customersOfShipments(ctx: Ctx, shipmentIds: readonly string[]): Promise<string[]> {
  if (shipmentIds.length === 0) return [];
  const rows = await queryRows<{ customer_id: string }>(
    ctx.db,
    sql`select distinct customer_id::text from shipments
         where org_id = ${ctx.orgId} and id = any(${arrayParam([...shipmentIds])}::uuid[]) and customer_id is not null`,
  );
  return rows.map((row) => row.customer_id);
}

/**
 * Recomputes the roll-ups of these customers from their shipments (set-based: one aggregate, one rate table)
 * and announces them; the customers module keeps them beside the record without touching its version, and the
 * pool counts the last shipment as business. Revenue is converted into the reporting currency at the rate of
 * each shipment's day (or the last one before it).
 */
export async function refreshCustomerRollups(ctx: Ctx, customerIds: readonly string[]): Promise<void> {
  const ids = [...new Set(customerIds)];
  if (ids.length === 0) return;
  const now = ctx.clock.now();
  const { timeZone, reportingCurrency: currency } = await orgSettings(ctx);
  const since = addWholeDays(now, -365).toISOString();
  const dayOf = sql`(${shipmentAt} at time zone ${timeZone})::date::text`;
  const totals = await queryRows<{
    customer_id: string;
    first_at: Date | string;
    last_at: Date | string;
    shipments_12m: number;
    teu_12m: string;
  }>(
    ctx.db,
    sql`select s.customer_id::text, min(${shipmentAt}) as first_at, max(${shipmentAt}) as last_at,
               (count(*) filter (where ${shipmentAt} > ${since}::timestamptz and ${shipmentAt} <= ${now.toISOString()}::timestamptz))::int as shipments_12m,
               coalesce(sum(s.teu) filter (where ${shipmentAt} > ${since}::timestamptz and ${shipmentAt} <= ${now.toISOString()}::timestamptz), 0)::text as teu_12m
          from shipments s
         where s.org_id = ${ctx.orgId} and s.customer_id = any(${arrayParam(ids)}::uuid[])
         group by s.customer_id`,
  );
  const revenueRows = await queryRows<{ customer_id: string; day: string; currency: string; amount: string }>(
    ctx.db,
    sql`select s.customer_id::text, ${dayOf} as day, s.revenue_currency as currency, sum(s.revenue_amount)::text as amount
          from shipments s
         where s.org_id = ${ctx.orgId} and s.customer_id = any(${arrayParam(ids)}::uuid[])
           and s.revenue_amount is not null
           and ${shipmentAt} > ${since}::timestamptz and ${shipmentAt} <= ${now.toISOString()}::timestamptz
         group by s.customer_id, 2, s.revenue_currency`,
  );
  const currencies = [...new Set([currency, ...revenueRows.map((row) => row.currency)])];
  const rates = await loadRateTable(ctx, currencies, zonedDate(timeZone, now));
  const revenue = new Map<string, { sum: MoneyDecimal; complete: boolean }>();
  for (const row of revenueRows) {
    const entry = revenue.get(row.customer_id) ?? { sum: new MoneyDecimal(0), complete: true };
    const converted = rates.convert(anyMoney(row.amount, row.currency), currency, row.day);
    if (converted.ok) entry.sum = entry.sum.plus(converted.money.amount);
    else entry.complete = false;
    revenue.set(row.customer_id, entry);
  }
  const byCustomer = new Map(totals.map((row) => [row.customer_id, row]));
  const iso = (value: Date | string) => new Date(value).toISOString();
  const rollups: CustomerShipmentRollup[] = ids.map((customerId) => {
    const row = byCustomer.get(customerId);
    const money = revenue.get(customerId);
    return {
      customerId,
      firstShipmentAt: row ? iso(row.first_at) : null,
      lastShipmentAt: row ? iso(row.last_at) : null,
      shipments12m: row?.shipments_12m ?? 0,
      teu12m: new MoneyDecimal(row?.teu_12m ?? 0).toString(),
      revenue12m: { amount: (money?.sum ?? new MoneyDecimal(0)).toFixed(2), currency },
      revenueComplete: money?.complete ?? true,
    };
  });
  await emit(ctx, 'shipment.customer_rollups', { rollups });
}

/**
 * The nightly recomputation: shipments leave the 12-month window as days pass without anything happening to
 * them. Every customer with shipments, 1,000 at a time, one transaction each, per organisation.
 */
export async function runCustomerRollups(db: Db, clock: Clock): Promise<number> {
  const orgs = await queryRows<{ org_id: string }>(
    db,
    sql`select distinct org_id::text from shipments where customer_id is not null`,
  );
  let refreshed = 0;
  for (const { org_id } of orgs) {
    const ctx = systemCtx(db, org_id, { clock });
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const page = await queryRows<{ customer_id: string }>(
        db,
        sql`select distinct customer_id::text from shipments
             where org_id = ${org_id} and customer_id > ${after}::uuid order by 1 limit 1000`,
      );
      if (page.length === 0) break;
      await inTransaction(ctx, (tx) =>
        refreshCustomerRollups(
          tx,
          page.map((row) => row.customer_id),
        ),
      );
      refreshed += page.length;
      after = page.at(-1)?.customer_id as string;
    }
  }
  return refreshed;
}

/** The coalesced job that recomputes the customers queued in `customer_rollups_due` (one per organisation). */
export const customerRollupsDueJob = 'shipments.customer-rollups-due';
/** How long queued roll-ups wait, so that the batches of a feed arriving meanwhile are computed together. */
const dueDelayMs = 5_000;

/**
 * Queues the roll-ups of the customers of these shipments for the coalesced job instead of computing them in the
 * caller's transaction: what the event feed does, as every one of its batches touches thousands of shipments of
 * hundreds of customers and a big customer's roll-up reads all of its shipments. One insert (a customer queued
 * twice stays one row) and one job: its key changes every `dueDelayMs`, and the job waits that long, so a job that is
 * already running never swallows the enqueue of customers it may not have seen (the next key queues a new job).
 */
export async function queueCustomerRollups(ctx: Ctx, shipmentIds: readonly string[]): Promise<void> {
  if (shipmentIds.length === 0) return;
  const queued = await queryRows<{ n: number }>(
    ctx.db,
    sql`with q as (
          insert into customer_rollups_due (org_id, customer_id)
          select distinct s.org_id, s.customer_id from shipments s
           where s.org_id = ${ctx.orgId} and s.id = any(${arrayParam([...shipmentIds])}::uuid[])
             and s.customer_id is not null
          on conflict (org_id, customer_id) do nothing
          returning 1
        ) select count(*)::int as n from q`,
  );
  if ((queued[0]?.n ?? 0) === 0) return;
  const now = ctx.clock.now().getTime();
  await enqueueJob(
    ctx.db,
    customerRollupsDueJob,
    {},
    {
      orgId: ctx.orgId,
      clock: ctx.clock,
      delayMs: dueDelayMs,
      singletonKey: `${customerRollupsDueJob}:${ctx.orgId}:${Math.floor(now / dueDelayMs)}`,
    },
  );
}

/**
 * Recomputes the queued customers of the job's organisation (all organisations when it has none), 1,000 per
 * transaction, each taken off the queue in the transaction that computes it. Answers how many were computed.
 */
export async function runDueCustomerRollups(db: Db, clock: Clock, orgId: string | null): Promise<number> {
  const orgs = orgId
    ? [{ org_id: orgId }]
    : await queryRows<{ org_id: string }>(db, sql`select distinct org_id::text from customer_rollups_due`);
  let refreshed = 0;
  for (const { org_id } of orgs) {
    const ctx = systemCtx(db, org_id, { clock });
    for (;;) {
      const done = await inTransaction(ctx, async (tx) => {
        const page = await queryRows<{ customer_id: string }>(
          tx.db,
          sql`delete from customer_rollups_due d
               where d.org_id = ${org_id} and d.customer_id in (
                 select customer_id from customer_rollups_due where org_id = ${org_id}
                  order by customer_id limit 1000 for update skip locked)
              returning d.customer_id::text`,
        );
        await refreshCustomerRollups(
          tx,
          page.map((row) => row.customer_id),
        );
        return page.length;
      });
      if (done === 0) break;
      refreshed += done;
    }
  }
  return refreshed;
}

export const runDueCustomerRollupsJob = (job: Job, db: Db) =>
  runDueCustomerRollups(db, job.clock, job.orgId).then(() => undefined);

/** The start-up job that fills in the roll-ups customers are missing (see `backfillCustomerRollups`). */
export const customerRollupsBackfillJob = 'shipments.customer-rollups-backfill';

/**
 * Computes the roll-ups of customers that have shipments but no roll-up row: shipments recorded before roll-ups
 * existed, or written by a path that does not refresh them (a bulk load, a restore). Every write path of the module
 * refreshes the customers it touches, so this finds nothing in the usual case; it runs whenever the server starts,
 * so nobody waits for the nightly job. One anti-join per organisation, 1,000 customers per transaction.
 */
export async function backfillCustomerRollups(db: Db, clock: Clock): Promise<number> {
  const orgs = await queryRows<{ org_id: string }>(
    db,
    sql`select distinct org_id::text from shipments where customer_id is not null`,
  );
  let refreshed = 0;
  for (const { org_id } of orgs) {
    const ctx = systemCtx(db, org_id, { clock });
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      // Customers merged away keep no roll-up (their shipments moved to the survivor).
      const page = await queryRows<{ id: string }>(
        db,
        sql`select c.id::text from customers c
             where c.org_id = ${org_id} and c.id > ${after}::uuid and c.merged_into_id is null
               and exists (select 1 from shipments s where s.org_id = c.org_id and s.customer_id = c.id)
               and not exists (select 1 from customer_shipment_rollups r where r.org_id = c.org_id and r.customer_id = c.id)
             order by c.id limit 1000`,
      );
      if (page.length === 0) break;
      await inTransaction(ctx, (tx) =>
        refreshCustomerRollups(
          tx,
          page.map((row) => row.id),
        ),
      );
      refreshed += page.length;
      after = page.at(-1)?.id as string;
    }
  }
  return refreshed;
}
