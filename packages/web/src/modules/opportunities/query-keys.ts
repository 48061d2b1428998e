/** Query key roots of the opportunities module; invalidating `opportunities` refreshes the board, lists, details and reports. */
export const opportunityKeys = {
  opportunities: ['opportunities'],
  stages: ['opportunities', 'stages'],
  lostReasons: ['opportunities', 'lost-reasons'],
  forecast: ['opportunities', 'forecast'],
  stats: ['opportunities', 'stats'],
  inquiries: ['inquiries'],
} as const;

export const opportunityDetailKey = (id: string) => [...opportunityKeys.opportunities, 'detail', id] as const;
export const stageHistoryKey = (id: string) => [...opportunityKeys.opportunities, 'stage-changes', id] as const;
