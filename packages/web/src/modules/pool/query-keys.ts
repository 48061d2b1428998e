/** Query keys of the pool module; the pool list, quota and rules refresh after every ownership change. */
export const poolKeys = {
  pool: ['pool'],
  rules: ['pool', 'rules'],
  quota: ['pool', 'quota'],
} as const;

export const ownershipKey = (customerId: string) => ['pool', 'ownership', customerId] as const;
