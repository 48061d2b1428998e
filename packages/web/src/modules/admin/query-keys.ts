/** Query key roots of the administration module; invalidating a root refreshes lists, lookups and details. */
export const adminKeys = {
  users: ['users'],
  teams: ['teams'],
  roles: ['roles'],
  apiKeys: ['api-keys'],
  audit: ['audit'],
  outbox: ['outbox'],
} as const;
