import type { Opportunity } from '@berth/domain';
import dayjs, { type Dayjs } from 'dayjs';
import { type MoneyValue, moneyToValue, valueToMoney } from '../../../components/money-input';

/** What the opportunity form holds; converted to the API input by toOpportunityInput. */
export interface OpportunityFormValues {
  customerId?: string;
  title?: string;
  contactId?: string | null;
  source?: string;
  stage?: string;
  lanes?: { pol?: string; pod?: string; mode?: string }[];
  volume?: { teu?: number | null; cbm?: number | null; kg?: number | null; shipmentsPerMonth?: number | null };
  expectedRevenue?: MoneyValue;
  expectedMargin?: MoneyValue;
  probability?: number | null;
  expectedCloseDate?: Dayjs | null;
  ownerId?: string | null;
  description?: string | null;
}

const blank = (value: unknown) => value === undefined || value === null || value === '';

/**
 * Form values as the API input: empty inputs left out, the date as YYYY-MM-DD; revenue only with the revenue
 * right, margin only with the cost-and-margin right (the server refuses the others).
 */
export function toOpportunityInput(values: OpportunityFormValues, options: { revenue: boolean; margin: boolean }) {
  const volume = Object.fromEntries(
    Object.entries(values.volume ?? {}).map(([key, value]) => [key, blank(value) ? null : value]),
  );
  return {
    customerId: values.customerId,
    title: values.title?.trim(),
    contactId: values.contactId || null,
    source: values.source,
    stage: values.stage || undefined,
    lanes: (values.lanes ?? []).map((lane) => ({ pol: lane.pol, pod: lane.pod, mode: lane.mode })),
    volume,
    ...(options.revenue ? { expectedRevenue: valueToMoney(values.expectedRevenue) } : {}),
    ...(options.margin ? { expectedMargin: valueToMoney(values.expectedMargin) } : {}),
    probability: blank(values.probability) ? undefined : values.probability,
    expectedCloseDate: values.expectedCloseDate ? values.expectedCloseDate.format('YYYY-MM-DD') : null,
    ...(values.ownerId === undefined ? {} : { ownerId: values.ownerId }),
    description: values.description?.trim() || null,
  };
}

export function formValuesOf(o: Opportunity): OpportunityFormValues {
  return {
    customerId: o.customerId,
    title: o.title,
    contactId: o.contactId,
    source: o.source,
    lanes: o.lanes,
    volume: o.volume,
    expectedRevenue: moneyToValue(o.expectedRevenue),
    expectedMargin: moneyToValue(o.expectedMargin, o.expectedRevenue?.currency),
    probability: o.probability,
    expectedCloseDate: o.expectedCloseDate ? dayjs(o.expectedCloseDate) : null,
    ownerId: o.ownerId,
    description: o.description,
  };
}
