import { z } from 'zod';
import { defineEndpoint } from '../platform/contract';
import { pageOf } from '../platform/pagination';
import {
  conversionQuerySchema,
  conversionSchema,
  exchangeRateInputSchema,
  exchangeRateListQuerySchema,
  exchangeRateSchema,
} from './money-schemas';

const tags = ['Exchange rates'];

export const exchangeRateEndpoints = {
  list: defineEndpoint({
    method: 'GET',
    path: '/api/exchange-rates',
    tags,
    summary: 'List exchange rates, newest day first',
    query: exchangeRateListQuerySchema,
    response: pageOf(exchangeRateSchema),
  }),
  save: defineEndpoint({
    method: 'POST',
    path: '/api/exchange-rates',
    tags,
    summary:
      'Enter one rate ({base, quote, rate, date}: 1 base = rate quote from date) or {items: [...]} (up to 1,000)',
    body: z.union([exchangeRateInputSchema, z.object({ items: z.array(exchangeRateInputSchema).min(1).max(1000) })]),
    response: z.object({ items: z.array(exchangeRateSchema) }),
  }),
  convert: defineEndpoint({
    method: 'GET',
    path: '/api/exchange-rates/convert',
    tags,
    summary:
      'Convert an amount on a date as reports do, naming the rate used (the pair’s rate of that day or the last before it)',
    query: conversionQuerySchema,
    response: conversionSchema,
  }),
  delete: defineEndpoint({
    method: 'DELETE',
    path: '/api/exchange-rates/:base/:quote/:date',
    tags,
    summary: 'Remove the rate of a pair on a day',
    params: z.object({
      base: z.string().trim().toUpperCase().length(3),
      quote: z.string().trim().toUpperCase().length(3),
      date: z.iso.date(),
    }),
  }),
};
