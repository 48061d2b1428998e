/** Query key roots of activities; invalidating the root refreshes every list of them. */
export const activityKeys = {
  all: ['activities'] as const,
  customer: (customerId: string) => ['activities', 'customer', customerId] as const,
  opportunity: (opportunityId: string) => ['activities', 'opportunity', opportunityId] as const,
};
