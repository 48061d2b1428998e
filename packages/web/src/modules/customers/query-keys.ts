/** Query key roots of the customers module; invalidating a root refreshes lists, lookups and details. */
export const customerKeys = {
  customers: ['customers'],
  contacts: ['contacts'],
  tags: ['tags'],
} as const;

export const customerDetailKey = (id: string) => [...customerKeys.customers, 'detail', id] as const;
export const customerTimelineKey = (id: string) => [...customerKeys.customers, 'timeline', id] as const;
export const customerImportKey = (id: string) => ['imports', id] as const;
