import { directoryKeys } from '../../app/directory-lookups';

/** Query key roots of the administration module; invalidating a root refreshes lists, lookups and details. */
export const adminKeys = {
  ...directoryKeys,
  apiKeys: ['api-keys'],
  audit: ['audit'],
  outbox: ['outbox'],
  orgSettings: ['org-settings'],
  exchangeRates: ['exchange-rates'],
  webhooks: ['webhooks'],
  databaseUpkeep: ['database-upkeep'],
} as const;
