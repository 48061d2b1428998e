import { contactEndpoints, customerEndpoints, tagEndpoints } from './customers/endpoints';

/**
 * Every operation of the API, by resource: the server registers each one's route from it, the console calls it
 * through it (`call(endpoints.customers.get, { params: { id } })`). Each module declares its own in its
 * `endpoints.ts`; docs/decisions/0006-endpoint-contracts.md.
 */
export const endpoints = {
  customers: customerEndpoints,
  contacts: contactEndpoints,
  tags: tagEndpoints,
};
