import { defineEndpoint } from '../platform/contract';
import { databaseUpkeepSchema } from './database-upkeep-schemas';

const tags = ['Database upkeep'];

export const databaseUpkeepEndpoints = {
  get: defineEndpoint({
    method: 'GET',
    path: '/api/database/upkeep',
    tags,
    summary:
      "The embedded database's size, its largest tables with their dead rows, and the last rounds of upkeep (vacuum and analyse)",
    response: databaseUpkeepSchema,
  }),
  run: defineEndpoint({
    method: 'POST',
    path: '/api/database/upkeep',
    tags,
    summary: 'Queue a full round of upkeep now (embedded database only)',
    status: 202,
    response: databaseUpkeepSchema,
  }),
};
