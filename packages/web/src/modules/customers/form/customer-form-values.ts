import { type Customer, formatPhone } from '@berth/domain';
import { type MoneyValue as MoneyValues, moneyToValue, valueToMoney } from '../../../components/money-input';

export interface LaneValues {
  pol?: string;
  pod?: string;
  mode?: string;
  volume?: number | null;
  volumeUnit?: string | null;
  volumePeriod?: string | null;
}

export interface BillingValues {
  invoiceTitle?: string | null;
  taxNumber?: string | null;
  billingAddress?: string | null;
  settlementType?: string | null;
  paymentTermsDays?: number | null;
  creditLimit?: MoneyValues;
}

/** What the customer form holds; names follow the API so server field errors land on the right input. */
export interface CustomerFormValues {
  name?: string;
  nameEn?: string | null;
  creditCode?: string | null;
  status?: string;
  relationshipType?: string | null;
  roles?: string[];
  industry?: string | null;
  country?: string | null;
  address?: string | null;
  website?: string | null;
  phone?: string | null;
  email?: string | null;
  employees?: number | null;
  annualRevenue?: MoneyValues;
  tradeProfile?: {
    lanes?: LaneValues[];
    commodities?: string[];
    hsChapters?: string[];
    specialCargo?: string[];
    importFrequency?: string | null;
    exportFrequency?: string | null;
    preferredModes?: string[];
    specialNeeds?: string | null;
  };
  billing?: BillingValues;
  ownerId?: string | null;
}

const moneyValues = (money: Customer['annualRevenue'] | undefined): MoneyValues => moneyToValue(money);

export function billingToValues(billing: NonNullable<Customer['billing']>): BillingValues {
  return {
    invoiceTitle: billing.invoiceTitle ?? null,
    taxNumber: billing.taxNumber ?? null,
    billingAddress: billing.billingAddress ?? null,
    settlementType: billing.settlementType ?? null,
    paymentTermsDays: billing.paymentTermsDays ?? null,
    creditLimit: moneyValues(billing.creditLimit),
  };
}

export function emptyCustomerValues(ownerId: string | undefined): CustomerFormValues {
  return {
    status: 'prospect',
    roles: [],
    annualRevenue: moneyValues(null),
    tradeProfile: { lanes: [], commodities: [], hsChapters: [], specialCargo: [], preferredModes: [] },
    billing: { creditLimit: moneyValues(null) },
    ownerId: ownerId ?? null,
  };
}

export function customerToValues(customer: Customer): CustomerFormValues {
  const trade = customer.tradeProfile;
  return {
    name: customer.name,
    nameEn: customer.nameEn,
    creditCode: customer.creditCode,
    status: customer.status,
    relationshipType: customer.relationshipType,
    roles: customer.roles,
    industry: customer.industry,
    country: customer.country,
    address: customer.address,
    website: customer.website,
    // Grouped and with its extension after 转, as people write it; saving reads it back to the same number.
    phone: customer.phone ? formatPhone(customer.phone) : null,
    email: customer.email,
    employees: customer.employees,
    annualRevenue: moneyValues(customer.annualRevenue),
    tradeProfile: {
      lanes: trade.lanes.map((lane) => ({ ...lane })),
      commodities: trade.commodities,
      hsChapters: trade.hsChapters,
      specialCargo: trade.specialCargo,
      importFrequency: trade.importFrequency ?? null,
      exportFrequency: trade.exportFrequency ?? null,
      preferredModes: trade.preferredModes,
      specialNeeds: trade.specialNeeds ?? null,
    },
    billing: customer.billing ? billingToValues(customer.billing) : undefined,
    ownerId: customer.ownerId,
  };
}

/** Empty text is "not given"; the shared schemas trim and check the rest. */
function text(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}

const money = (value: MoneyValues | undefined) => valueToMoney(value);

export function billingToInput(billing: BillingValues | undefined) {
  return {
    invoiceTitle: text(billing?.invoiceTitle),
    taxNumber: text(billing?.taxNumber),
    billingAddress: text(billing?.billingAddress),
    settlementType: billing?.settlementType ?? null,
    paymentTermsDays: billing?.paymentTermsDays ?? null,
    creditLimit: money(billing?.creditLimit),
  };
}

/**
 * The API body for the form's values, before the shared schema checks it. Every field is present (cleared ones
 * as null), so comparing two results tells exactly which fields changed.
 */
export function valuesToInput(values: CustomerFormValues, options: { billing: boolean }): Record<string, unknown> {
  const trade = values.tradeProfile;
  const input: Record<string, unknown> = {
    name: values.name,
    nameEn: text(values.nameEn),
    creditCode: text(values.creditCode),
    status: values.status,
    relationshipType: values.relationshipType ?? null,
    roles: values.roles ?? [],
    industry: text(values.industry),
    country: values.country ?? null,
    address: text(values.address),
    website: text(values.website),
    phone: text(values.phone),
    email: text(values.email),
    employees: values.employees ?? null,
    annualRevenue: money(values.annualRevenue),
    ownerId: values.ownerId ?? null,
    tradeProfile: {
      lanes: (trade?.lanes ?? []).map((lane) => ({
        pol: lane.pol,
        pod: lane.pod,
        mode: lane.mode,
        volume: lane.volume ?? null,
        volumeUnit: lane.volumeUnit ?? null,
        volumePeriod: lane.volume === null || lane.volume === undefined ? null : (lane.volumePeriod ?? null),
      })),
      commodities: (trade?.commodities ?? []).map((item) => item.trim()).filter((item) => item !== ''),
      hsChapters: trade?.hsChapters ?? [],
      specialCargo: trade?.specialCargo ?? [],
      importFrequency: trade?.importFrequency ?? null,
      exportFrequency: trade?.exportFrequency ?? null,
      preferredModes: trade?.preferredModes ?? [],
      specialNeeds: text(trade?.specialNeeds),
    },
  };
  if (options.billing) input.billing = billingToInput(values.billing);
  return input;
}

/** The top-level fields of `next` that differ from `base` (tradeProfile and billing are sent whole). */
export function changedInput(base: Record<string, unknown>, next: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(next).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(base[key])),
  );
}
