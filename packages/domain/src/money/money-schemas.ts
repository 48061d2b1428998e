import { z } from 'zod';
import { isCurrencyCode } from '../reference/currencies';
import { anyMoney, MoneyDecimal, MoneyError, moneyToJson } from './money';

/**
 * An amount in JSON: `{ "amount": "1234.50", "currency": "USD" }`. The amount is a decimal string (a JSON number is
 * accepted and read by its shortest decimal form); the answer always writes the currency's minor units.
 */
export const moneyJsonSchema = z.object({
  amount: z.string().describe('A decimal string with the currency’s minor units, e.g. "1234.50"'),
  currency: z.string().length(3).describe('ISO 4217 code'),
});

export const moneyInputSchema = z
  .object({
    amount: z.union([z.string().max(40), z.number()]),
    currency: z.string().trim().toUpperCase().refine(isCurrencyCode, { message: 'money.currency_invalid' }),
  })
  .transform((value, context) => {
    try {
      return moneyToJson(anyMoney(value.amount, value.currency));
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
      context.addIssue({ code: 'custom', path: ['amount'], message: error.code });
      return z.NEVER;
    }
  });

/** The largest amount the database columns (`numeric(18,4)`) hold, exclusive: 14 integer digits. */
export const maxStoredAmount = '100000000000000';

/**
 * An amount as an input field of a record: `moneyInputSchema` bounded to what the columns hold, and not negative
 * unless `negative` (a margin may be). Answers the JSON form with the currency's minor units.
 */
export function storedMoneyInputSchema(options: { negative?: boolean } = {}) {
  return moneyInputSchema.superRefine((value, context) => {
    if (typeof value?.amount !== 'string') return;
    const amount = new MoneyDecimal(value.amount);
    if (amount.abs().greaterThanOrEqualTo(maxStoredAmount)) {
      context.addIssue({ code: 'custom', path: ['amount'], message: 'money.amount_invalid' });
    } else if (!options.negative && amount.isNegative() && !amount.isZero()) {
      context.addIssue({ code: 'custom', path: ['amount'], message: 'money.amount_negative' });
    }
  });
}

/** A positive exchange rate with at most 10 decimals, as a string. */
export const rateSchema = z
  .union([z.string().trim().max(40), z.number()])
  .transform((value) => String(value))
  .refine((value) => /^\d{1,12}(\.\d{1,10})?$/.test(value) && /[1-9]/.test(value), { message: 'money.rate_invalid' });

const isoDate = z.iso.date();

export const exchangeRateInputSchema = z
  .object({
    base: z.string().trim().toUpperCase().refine(isCurrencyCode, { message: 'money.currency_invalid' }),
    quote: z.string().trim().toUpperCase().refine(isCurrencyCode, { message: 'money.currency_invalid' }),
    rate: rateSchema,
    date: isoDate.describe('The day the rate applies from (YYYY-MM-DD)'),
  })
  .refine((value) => value.base !== value.quote, { message: 'money.currency_mismatch', path: ['quote'] });
export type ExchangeRateInput = z.infer<typeof exchangeRateInputSchema>;

export const exchangeRateSchema = z.object({
  base: z.string(),
  quote: z.string(),
  rate: z.string(),
  date: z.string(),
  source: z.string().describe('console, import or api'),
  createdAt: z.string(),
});
export type ExchangeRateDto = z.infer<typeof exchangeRateSchema>;

export const exchangeRateListQuerySchema = z.object({
  base: z.string().trim().toUpperCase().length(3).optional(),
  quote: z.string().trim().toUpperCase().length(3).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});
export type ExchangeRateListQuery = z.infer<typeof exchangeRateListQuerySchema>;

export const conversionQuerySchema = z.object({
  amount: z.string().trim().max(40).describe('A decimal string, e.g. "1234.50"'),
  currency: z.string().trim().toUpperCase().refine(isCurrencyCode, { message: 'money.currency_invalid' }),
  to: z.string().trim().toUpperCase().refine(isCurrencyCode, { message: 'money.currency_invalid' }),
  date: isoDate.describe('The document date: the rate of that day or the last one before it applies'),
});
export type ConversionQuery = z.infer<typeof conversionQuerySchema>;

export const conversionSchema = z.object({
  from: moneyJsonSchema,
  to: moneyJsonSchema,
  date: z.string(),
  /** Null when the currencies are the same. */
  rateUsed: z
    .object({
      base: z.string(),
      quote: z.string(),
      rate: z.string(),
      date: z.string(),
      direction: z.enum(['direct', 'inverse']),
    })
    .nullable(),
});
export type ConversionDto = z.infer<typeof conversionSchema>;
