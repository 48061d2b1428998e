import { exchangeRateEndpoints } from '@berth/domain';
import type { FastifyInstance } from 'fastify';
import { route } from '../../platform/http/route';
import { convertAmount, deleteExchangeRate, findExchangeRates, saveExchangeRates } from './exchange-rates';

/** Dated exchange rates of the organisation: entered in the console, imported from a file, or posted by a system. */
export function exchangeRateRoutes(app: FastifyInstance) {
  route(app, exchangeRateEndpoints.list, {
    access: { permission: ['exchangeRates', 'read'] },
    handler: (request) => findExchangeRates(request.ctx, request.query),
  });
  route(app, exchangeRateEndpoints.save, {
    access: { permission: ['exchangeRates', 'update'] },
    handler: async (request) => {
      const body = request.body;
      const items = 'items' in body ? body.items : [body];
      const source = request.ctx.actor.type === 'apiKey' ? 'api' : 'console';
      return { items: await saveExchangeRates(request.ctx, items, source) };
    },
  });
  route(app, exchangeRateEndpoints.convert, {
    access: { permission: ['exchangeRates', 'read'] },
    handler: (request) => convertAmount(request.ctx, request.query),
  });
  route(app, exchangeRateEndpoints.delete, {
    access: { permission: ['exchangeRates', 'update'] },
    handler: (request) => deleteExchangeRate(request.ctx, request.params),
  });
}
