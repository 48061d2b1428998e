/** Query keys of sales events and prospects; everything under an event refreshes together after a change. */
export const salesEventKeys = {
  all: ['sales-events'] as const,
  event: (id: string) => ['sales-events', id] as const,
  roster: (id: string) => ['sales-events', id, 'roster'] as const,
  leads: (id: string) => ['sales-events', id, 'leads'] as const,
  report: (id: string) => ['sales-events', id, 'report'] as const,
  prospects: ['prospects'] as const,
};
