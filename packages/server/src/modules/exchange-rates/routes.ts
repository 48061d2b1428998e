import { exchangeRateInputSchema, exchangeRateListQuerySchema, exchangeRateSchema, pageOf } from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deleteExchangeRate, findExchangeRates, saveExchangeRates } from './exchange-rates';

const rateKeySchema = z.object({
  base: z.string().trim().toUpperCase().length(3),
  quote: z.string().trim().toUpperCase().length(3),
  date: z.iso.date(),
});

/** Dated exchange rates of the organisation: entered in the console, imported from a file, or posted by a system. */
export function exchangeRateRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Exchange rates'];

  r.get(
    '/api/exchange-rates',
    {
      schema: {
        tags,
        summary: 'List exchange rates, newest day first',
        querystring: exchangeRateListQuerySchema,
        response: { 200: pageOf(exchangeRateSchema) },
      },
      config: { access: { permission: ['exchangeRates', 'read'] } },
    },
    (request) => findExchangeRates(request.ctx, request.query),
  );
  r.post(
    '/api/exchange-rates',
    {
      schema: {
        tags,
        summary:
          'Enter one rate ({base, quote, rate, date}: 1 base = rate quote from date) or {items: [...]} (up to 1,000)',
        body: z.union([
          exchangeRateInputSchema,
          z.object({ items: z.array(exchangeRateInputSchema).min(1).max(1000) }),
        ]),
        response: { 200: z.object({ items: z.array(exchangeRateSchema) }) },
      },
      config: { access: { permission: ['exchangeRates', 'update'] } },
    },
    async (request) => {
      const body = request.body;
      const items = 'items' in body ? body.items : [body];
      const source = request.ctx.actor.type === 'apiKey' ? 'api' : 'console';
      return { items: await saveExchangeRates(request.ctx, items, source) };
    },
  );
  r.delete(
    '/api/exchange-rates/:base/:quote/:date',
    {
      schema: { tags, summary: 'Remove the rate of a pair on a day', params: rateKeySchema },
      config: { access: { permission: ['exchangeRates', 'update'] } },
    },
    async (request, reply) => {
      await deleteExchangeRate(request.ctx, request.params);
      return reply.code(204).send();
    },
  );
}
