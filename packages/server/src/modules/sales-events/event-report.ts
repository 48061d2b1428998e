import { MoneyDecimal, type SalesEventReport, storedMoneyJson } from '@berth/domain';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/database';
import type { Ctx } from '../../platform/context';
import { maySeeAny, maySeeSql } from '../../platform/field-access';
import { opportunityRef } from '../opportunities';
import { getVisibleEventRow } from './sales-event-scope';

/**
 * What the event brought, in one statement: its leads and the prospects they created, the inquiries
 * and opportunities attributed to it (opportunities.sales_event_id) by outcome, and the expected
 * revenue of the won ones per currency (never added across currencies, nor converted). Revenue counts
 * only the opportunities whose revenue the caller sees (the revenue right in scope for each, see
 * platform/field-access); the cost per lead is the cost over the leads, in the cost's own currency.
 */
export async function salesEventReport(ctx: Ctx, eventId: string): Promise<SalesEventReport> {
  const event = await getVisibleEventRow(ctx, eventId);
  const money = maySeeSql(ctx, 'revenue', { owner: opportunityRef.ownerId, team: opportunityRef.teamId });
  const [counts] = await queryRows<{
    leads: number;
    new_prospects: number;
    inquiries: number;
    opportunities: number;
    open: number;
    won: number;
    lost: number;
    won_revenue: { currency: string; amount: string | number }[] | null;
  }>(
    ctx.db,
    sql`with leads as (
          select count(*)::int as leads,
                 count(distinct l.customer_id) filter (where c.created_at = l.captured_at)::int as new_prospects
            from sales_event_leads l
            join customers c on c.org_id = l.org_id and c.id = l.customer_id
           where l.org_id = ${ctx.orgId} and l.event_id = ${eventId}),
        opps as (
          select count(*)::int as opportunities,
                 count(*) filter (where status = 'open')::int as open,
                 count(*) filter (where status = 'won')::int as won,
                 count(*) filter (where status = 'lost')::int as lost
            from opportunities
           where org_id = ${ctx.orgId} and sales_event_id = ${eventId}),
        revenue as (
          select jsonb_agg(jsonb_build_object('currency', currency, 'amount', amount) order by currency) as won_revenue
            from (select revenue_currency as currency, sum(expected_revenue) as amount
                    from opportunities
                   where org_id = ${ctx.orgId} and sales_event_id = ${eventId} and status = 'won'
                     and expected_revenue is not null and revenue_currency is not null and ${money}
                   group by revenue_currency) per_currency)
        select leads.leads, leads.new_prospects,
               (select count(*)::int from inquiries
                 where org_id = ${ctx.orgId} and sales_event_id = ${eventId}) as inquiries,
               opps.opportunities, opps.open, opps.won, opps.lost, revenue.won_revenue
          from leads, opps, revenue`,
  );
  const c = counts as NonNullable<typeof counts>;
  const cost = storedMoneyJson(event.cost, event.costCurrency);
  const seesRevenue = maySeeAny(ctx, 'revenue');
  return {
    eventId,
    leads: c.leads,
    newProspects: c.new_prospects,
    inquiries: c.inquiries,
    opportunities: c.opportunities,
    openOpportunities: c.open,
    wonOpportunities: c.won,
    lostOpportunities: c.lost,
    wonRevenue: seesRevenue
      ? (c.won_revenue ?? []).flatMap((r) => storedMoneyJson(String(r.amount), r.currency) ?? [])
      : null,
    cost,
    costPerLead:
      cost && c.leads > 0 ? storedMoneyJson(new MoneyDecimal(cost.amount).dividedBy(c.leads), cost.currency) : null,
  };
}
