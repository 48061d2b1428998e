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
import { customerRef as customers } from '../customers/public';
import { exchangeRateRef as rates } from '../exchange-rates/public';
import { reportingCurrency } from '../org-settings/public';
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

/** The group columns k1..k3 of each grouping: the month; the customer and its name; POL, POD and mode. */
const groupColumns: Record<ShipmentReportQuery['groupBy'], SQL> = {
  month: sql`to_char(b.day, 'YYYY-MM') as k1, null::text as k2, null::text as k3`,
  customer: sql`b.customer_id::text as k1, b.customer_name as k2, null::text as k3`,
  lane: sql`b.pol as k1, b.pod as k2, b.mode as k3`,
};

const lastDayOfMonth = (month: string) => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
};
/** The aggregate's key for shipments without a customer (its key columns are never null). */
const noCustomer = '00000000-0000-0000-0000-000000000000';
const quantity = (value: string) => Math.round(Number(value) * 1000) / 1000;

/**
 * Volume, revenue and gross profit of the shipments the caller may read, per month, customer or lane, in one
 * currency, in one statement over the report's aggregate (`shipment_report_days`: per ETD day, customer, lane, mode
 * and currencies, kept by triggers on `shipments`), never the shipments themselves. A shipment counts on its ETD's
 * day in the organisation's calendar; its revenue and cost convert at the rate of that day or the last one before it
 * (a stored rate of the pair, or the inverse of the opposite pair, whichever is more recent; `RateTable` in the
 * domain follows the same rule). The amounts of one aggregate row (one day, customer, lane, mode and currency) are
 * converted together and rounded once to the currency's minor units. The rates are looked up once per currency and
 * day that occurs, then joined to the rows. Scope and money rights follow the row's customer: money the caller may not
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

  /** The factor from currency `p.cur` into the reporting currency on day `p.day` (see the function comment). */
  const rateOf = sql`left join lateral (
          select case when ${rates.base} = p.cur then ${rates.rate} else 1 / ${rates.rate} end as factor
            from ${rates}
           where ${rates.orgId} = ${ctx.orgId} and ${rates.date} <= p.day
             and ((${rates.base} = p.cur and ${rates.quote} = ${currency})
               or (${rates.base} = ${currency} and ${rates.quote} = p.cur))
           order by ${rates.date} desc, (${rates.base} = p.cur) desc
           limit 1
        ) r on true`;
  // The rates are looked up once per currency and day that occurs (the `factors` step), then joined to the rows. A
  // LATERAL beside each aggregate row is not memoised by PostgreSQL 15: 900,000 lookups at 1,000,000 shipments, each
  // reading and sorting every rate of the organisation up to that day (cheap with one rate, not with daily rates).
  const rows = await inTransaction(ctx, async (tx) => {
    // Compiling the expressions (JIT) costs more than it saves on a report of this size.
    await tx.db.execute(sql`set local jit = off`);
    return queryRows<Row>(
      tx.db,
      sql`with b as (
                  select nullif(${days.customerId}, ${noCustomer}) as customer_id, ${customers.name} as customer_name,
                         nullif(${days.pol}, '') as pol, nullif(${days.pod}, '') as pod, ${days.mode} as mode,
                         ${days.day} as day, ${days.shipments} as shipments,
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
          factors as (
            select p.cur, p.day, r.factor
              from (select revenue_currency as cur, day from b
                     where revenue_ok and revenue_currency <> ${currency}
                    union
                    select cost_currency, day from b
                     where cost_ok and cost_currency <> ${currency}) p
              ${rateOf}
          )
          select grouping(k1) = 1 as total, k1, k2, k3,
                 coalesce(sum(shipments), 0)::int as shipments,
                 coalesce(sum(teu), 0)::text as teu, coalesce(sum(cbm), 0)::text as cbm,
                 coalesce(sum(kg), 0)::text as kg,
                 coalesce(sum(revenue), 0)::text as revenue, coalesce(sum(cost), 0)::text as cost,
                 coalesce(sum(coalesce(revenue, 0) - coalesce(cost, 0)) filter (where revenue_ok and cost_ok), 0)::text
                   as profit,
                 coalesce(sum(shipments) filter (where not revenue_ok or not cost_ok), 0)::int as hidden,
                 min(missing) as missing
            from (
              select b.*, ${groupColumns[query.groupBy]},
                     case when not b.revenue_ok or b.revenue_currency is null then null
                          when b.revenue_currency = ${currency} then b.revenue_amount
                          else round(b.revenue_amount * rr.factor, ${digits}) end as revenue,
                     case when not b.cost_ok or b.cost_currency is null then null
                          when b.cost_currency = ${currency} then b.cost_amount
                          else round(b.cost_amount * rc.factor, ${digits}) end as cost,
                     case when b.revenue_ok and b.revenue_currency <> ${currency}
                               and rr.factor is null then b.day::text || ' ' || b.revenue_currency
                          when b.cost_ok and b.cost_currency <> ${currency}
                               and rc.factor is null then b.day::text || ' ' || b.cost_currency end as missing
                from b
                left join factors rr
                  on b.revenue_ok and b.revenue_currency <> ${currency}
                 and rr.cur = b.revenue_currency and rr.day = b.day
                left join factors rc
                  on b.cost_ok and b.cost_currency <> ${currency}
                 and rc.cur = b.cost_currency and rc.day = b.day
            ) converted
           group by grouping sets ((k1, k2, k3), ())`,
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
