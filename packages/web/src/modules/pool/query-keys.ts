/** Query keys of the pool module; the pool list, quota and rules refresh after every ownership change. */
export const poolKeys = {
  pool: ['pool'],
  rules: ['pool', 'rules'],
  quota: ['pool', 'quota'],
} as const;

/** Under `pool`, so every ownership change makes it stale. */
export const handoverPreviewKey = (fromUserId: string) => ['pool', 'handover-preview', fromUserId] as const;

export const ownershipKey = (customerId: string) => ['pool', 'ownership', customerId] as const;
