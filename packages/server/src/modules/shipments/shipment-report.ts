import {
  anyMoney,
  minorUnits,
  moneyToJson,
  type ShipmentReport,
  type ShipmentReportFilter,
  type ShipmentReportGroup,
  type ShipmentReportQuery,
} from '@berth/domain';
import { type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../../db/database';
import { AppError } from '../../platform/app-error';
import { type Ctx, inTransaction } from '../../platform/context';
import { errorMessage } from '../../platform/error-catalogue';
import { guardingRight, maySeeAny, maySeeSql } from '../../platform/field-access';
import { customerRef as customers } from '../customers';
import { exchangeRateRef as rates } from '../exchange-rates';
import { reportingCurrency } from '../org-settings';
import { byCustomerInScope } from './shipment-scope';
import { shipmentReportDays as days } from './tables';

interface Row {
  total: boolean;
  k1: string | null;
  k2: string | null;
  k3: string | null;
  shipments: number;
  teu: string;
  cbm: string;
  kg: string;
  revenue: string | null;
  cost: string | null;
  profit: string | null;
  hidden: number;
  missing: string | null;
}

/** The aggregate's key for shipments without a customer (its key columns are never null). */
const noCustomer = '00000000-0000-0000-0000-000000000000';

/** The group columns k1..k3 of each grouping: the month; the customer (named afterwards); POL, POD and mode. */
const groupColumns: Record<ShipmentReportQuery['groupBy'], SQL> = {
  month: sql`to_char(${days.day}, 'YYYY-MM') as k1, null::text as k2, null::text as k3`,
  customer: sql`${days.customerId} as k1, null::text as k2, null::text as k3`,
  lane: sql`nullif(${days.pol}, '') as k1, nullif(${days.pod}, '') as k2, ${days.mode} as k3`,
};

const lastDayOfMonth = (month: string) => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
};
const quantity = (value: string) => Math.round(Number(value) * 1000) / 1000;

/**
 * Volume, revenue and gross profit of the shipments the caller may read, per month, customer or lane, in one
 * currency, in one statement over the report's aggregate (`shipment_report_days`: per ETD day, customer, lane, mode
 * and currencies, kept by triggers on `shipments`), never the shipments themselves. A shipment counts on its ETD's
 * day in the organisation's calendar; its revenue and cost convert at the rate of that day or the last one before it
 * (a stored rate of the pair, or the inverse of the opposite pair, whichever is more recent; `RateTable` in the
 * domain follows the same rule). Converted amounts are summed exactly and each figure (a group's, the total's) is
 * rounded once to the currency's minor units, so every grouping has the same totals and each figure is within half a
 * minor unit of the exact conversion (a total may differ from the sum of its rounded groups by that much per group);
 * gross profit is the rounded revenue less the rounded cost. Scope and money rights follow the row's customer: money the caller may not
 * see counts in the volume and in `moneyHidden`, not in the amounts. A missing rate is a 422 naming the pair and the
 * day.
 */
export async function shipmentReport(ctx: Ctx, query: ShipmentReportQuery): Promise<ShipmentReport> {
  const currency = query.currency ?? (await reportingCurrency(ctx));
  const revenueRight = guardingRight('shipments', 'revenue');
  const costRight = guardingRight('shipments', 'cost');
  const seesRevenue = maySeeAny(ctx, revenueRight);
  const seesCost = maySeeAny(ctx, costRight);
  const owner = { owner: customers.ownerId, team: customers.teamId };
  const revenueVisible = seesRevenue ? maySeeSql(ctx, revenueRight, owner) : sql`false`;
  const costVisible = seesCost ? maySeeSql(ctx, costRight, owner) : sql`false`;
  const digits = minorUnits(currency);

  /**
   * The factor from currency `p.cur` into the reporting currency on day `p.day` (see the function comment): the last
   * rate of each direction up to that day, one backward index probe each (one lookup with both pairs OR-ed reads and
   * sorts every rate of the pair up to the day), and the more recent of the two, the stored direction on a tie.
   */
  const rateOf = sql`left join lateral (
          select ${rates.date} as date, ${rates.rate} as rate from ${rates}
           where ${rates.orgId} = ${ctx.orgId} and ${rates.base} = p.cur and ${rates.quote} = ${currency}
             and ${rates.date} <= p.day
           order by ${rates.date} desc limit 1
        ) direct on true
        left join lateral (
          select ${rates.date} as date, ${rates.rate} as rate from ${rates}
           where ${rates.orgId} = ${ctx.orgId} and ${rates.base} = ${currency} and ${rates.quote} = p.cur
             and ${rates.date} <= p.day
           order by ${rates.date} desc limit 1
        ) inverse on true`;
  const factorOf = sql`case when direct.date is not null and (inverse.date is null or direct.date >= inverse.date)
                            then direct.rate
                            when inverse.date is not null then 1 / inverse.rate end`;
  // The rates are looked up once per day of the report's span and currency that has a rate against the reporting one
  // (the `factors` step: a few thousand index probes), then hash-joined to the rows; a currency without any rate finds
  // no factor and is named as missing. A LATERAL beside each aggregate row is not memoised by PostgreSQL 15 (900,000
  // lookups at 1,000,000 shipments), and factors taken from the rows' own days and currencies were estimated at one
  // per row, which turned the joins into sorts spilled to disk (3 s of 4 at 1,000,000 shipments by customer).
  // Grouped by month or lane, the aggregate's rows are first summed per group, day and currencies (`g`): a month has
  // at most a few hundred such rows however many customers shipped in it, so only those are converted. By customer
  // there is nothing to gain (a customer ships about once a day on a lane), so its rows are converted as they are.
  const preSummed = query.groupBy !== 'customer';
  const rows = await inTransaction(ctx, async (tx) => {
    // Compiling the expressions (JIT) costs more than it saves on a report of this size. Its grouping and joins hash
    // up to one entry per aggregate row: with the default 4 MB they spill to disk in batches or turn into sorts.
    await tx.db.execute(sql`set local jit = off`);
    await tx.db.execute(sql`set local work_mem = '64MB'`);
    const grouped = sql`with b as (
                  select ${groupColumns[query.groupBy]}, ${days.day} as day, ${days.shipments} as shipments,
                         ${days.teu} as teu, ${days.cbm} as cbm, ${days.kg} as kg,
                         ${days.revenueAmount} as revenue_amount, nullif(${days.revenueCurrency}, '') as revenue_currency,
                         ${days.costAmount} as cost_amount, nullif(${days.costCurrency}, '') as cost_currency,
                         coalesce(${revenueVisible}, false) as revenue_ok, coalesce(${costVisible}, false) as cost_ok
                    from ${days}
                    left join ${customers}
                      on ${customers.orgId} = ${days.orgId} and ${customers.id} = ${days.customerId}
                   where ${byCustomerInScope(ctx, 'read', days.orgId, days.customerId)}
                     ${query.from ? sql`and ${days.day} >= ${query.from}::date` : sql``}
                     ${query.to ? sql`and ${days.day} <= ${query.to}::date` : sql``}
                     ${query.mode ? sql`and ${days.mode} = ${query.mode}` : sql``}
          ),
          g as (
            ${
              preSummed
                ? sql`select k1, k2, k3, day, revenue_currency, cost_currency, revenue_ok, cost_ok,
                             sum(shipments) as shipments, sum(teu) as teu, sum(cbm) as cbm, sum(kg) as kg,
                             sum(revenue_amount) as revenue_amount, sum(cost_amount) as cost_amount
                        from b
                       group by k1, k2, k3, day, revenue_currency, cost_currency, revenue_ok, cost_ok`
                : sql`select * from b`
            }
          ),
          span as (
            select greatest(min(${days.day}), ${query.from ?? null}::date) as first,
                   least(max(${days.day}), ${query.to ?? null}::date) as last
              from ${days} where ${days.orgId} = ${ctx.orgId}
          ),
          currencies as (
            select distinct case when ${rates.base} = ${currency} then ${rates.quote} else ${rates.base} end as cur
              from ${rates}
             where ${rates.orgId} = ${ctx.orgId} and (${rates.base} = ${currency} or ${rates.quote} = ${currency})
          ),
          factors as (
            select p.cur, p.day, ${factorOf} as factor
              from (select c.cur, d::date as day
                      from currencies c, span, generate_series(span.first, span.last, interval '1 day') d) p
              ${rateOf}
          ),
          converted as (
            select g.k1, g.k2, g.k3, g.shipments, g.teu, g.cbm, g.kg, g.revenue_ok, g.cost_ok,
                   case when not g.revenue_ok or g.revenue_currency is null then null
                        when g.revenue_currency = ${currency} then g.revenue_amount
                        else g.revenue_amount * rr.factor end as revenue,
                   case when not g.cost_ok or g.cost_currency is null then null
                        when g.cost_currency = ${currency} then g.cost_amount
                        else g.cost_amount * rc.factor end as cost,
                   case when g.revenue_ok and g.revenue_currency <> ${currency}
                             and rr.factor is null then g.day::text || ' ' || g.revenue_currency
                        when g.cost_ok and g.cost_currency <> ${currency}
                             and rc.factor is null then g.day::text || ' ' || g.cost_currency end as missing
              from g
              left join factors rr
                on g.revenue_ok and g.revenue_currency <> ${currency}
               and rr.cur = g.revenue_currency and rr.day = g.day
              left join factors rc
                on g.cost_ok and g.cost_currency <> ${currency}
               and rc.cur = g.cost_currency and rc.day = g.day
          )
          select grouping(k1) = 1 as total, k1, k2, k3,
                 coalesce(sum(shipments), 0)::int as shipments,
                 coalesce(sum(teu), 0)::text as teu, coalesce(sum(cbm), 0)::text as cbm,
                 coalesce(sum(kg), 0)::text as kg,
                 round(coalesce(sum(revenue), 0), ${digits})::text as revenue,
                 round(coalesce(sum(cost), 0), ${digits})::text as cost,
                 (round(coalesce(sum(revenue) filter (where revenue_ok and cost_ok), 0), ${digits})
                   - round(coalesce(sum(cost) filter (where revenue_ok and cost_ok), 0), ${digits}))::text as profit,
                 coalesce(sum(shipments) filter (where not revenue_ok or not cost_ok), 0)::int as hidden,
                 min(missing) as missing
            from converted
           group by grouping sets ((k1, k2, k3), ())`;
    if (query.groupBy !== 'customer') return queryRows<Row>(tx.db, grouped);
    // Grouped by the customer's id alone (its name would make the grouping sort), named afterwards.
    return queryRows<Row>(
      tx.db,
      sql`select r.total, nullif(r.k1, ${noCustomer})::text as k1, ${customers.name} as k2, r.k3, r.shipments,
                 r.teu, r.cbm, r.kg, r.revenue, r.cost, r.profit, r.hidden, r.missing
            from (${grouped}) r
            left join ${customers} on ${customers.orgId} = ${ctx.orgId} and ${customers.id} = r.k1`,
    );
  });

  const missing = rows
    .map((row) => row.missing)
    .filter((m): m is string => m !== null)
    .sort()[0];
  if (missing) {
    const [date, from] = missing.split(' ') as [string, string];
    throw new AppError('money.rate_missing', 422, {
      detail: `${errorMessage('money.rate_missing', ctx.locale)} (${from}/${currency}, ${date})`,
      fields: [{ field: 'currency', code: 'money.rate_missing', message: `${from}/${currency} ${date}` }],
    });
  }

  const money = (amount: string | null, visible: boolean) =>
    visible ? moneyToJson(anyMoney(amount ?? '0', currency)) : null;
  const figures = (row: Row | undefined) => ({
    shipments: row?.shipments ?? 0,
    teu: quantity(row?.teu ?? '0'),
    cbm: quantity(row?.cbm ?? '0'),
    kg: quantity(row?.kg ?? '0'),
    revenue: money(row?.revenue ?? null, seesRevenue),
    cost: money(row?.cost ?? null, seesCost),
    grossProfit: money(row?.profit ?? null, seesRevenue && seesCost),
    moneyHidden: row?.hidden ?? 0,
  });
  const within: ShipmentReportFilter = {
    ...(query.mode ? { mode: query.mode } : {}),
    ...(query.from ? { etdFrom: query.from } : {}),
    ...(query.to ? { etdTo: query.to } : {}),
  };

  const groups: ShipmentReportGroup[] = rows
    .filter((row) => !row.total)
    .map((row) => {
      const base = { ...figures(row), month: null, customerId: null, pol: null, pod: null, mode: null };
      if (query.groupBy === 'month') {
        const month = row.k1 as string;
        const first = `${month}-01`;
        const last = lastDayOfMonth(month);
        return {
          ...base,
          key: month,
          label: month,
          month,
          filter: {
            ...within,
            etdFrom: query.from && query.from > first ? query.from : first,
            etdTo: query.to && query.to < last ? query.to : last,
          },
        };
      }
      if (query.groupBy === 'customer') {
        return {
          ...base,
          key: row.k1 ?? 'none',
          label: row.k2 ?? '—',
          customerId: row.k1,
          filter: row.k1 ? { ...within, customerId: row.k1 } : within,
        };
      }
      const [pol, pod, mode] = [row.k1, row.k2, row.k3];
      return {
        ...base,
        key: `${pol ?? '-----'}-${pod ?? '-----'}:${mode ?? ''}`,
        label: `${pol ?? '?'} → ${pod ?? '?'} ${(mode ?? '').toUpperCase()}`.trim(),
        pol,
        pod,
        mode,
        filter: {
          ...within,
          ...(mode ? { mode: mode as ShipmentReportFilter['mode'] } : {}),
          ...(pol ? { lane: pod ? `${pol}-${pod}` : pol } : {}),
        },
      };
    })
    .sort((a, b) =>
      query.groupBy === 'month'
        ? a.key.localeCompare(b.key)
        : b.shipments - a.shipments || b.teu - a.teu || a.key.localeCompare(b.key),
    );

  return {
    groupBy: query.groupBy,
    currency,
    from: query.from ?? null,
    to: query.to ?? null,
    mode: query.mode ?? null,
    groups,
    totals: figures(rows.find((row) => row.total)),
  };
}
