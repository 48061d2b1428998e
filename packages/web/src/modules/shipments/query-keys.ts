/** Query key roots of the shipments module; invalidating `shipments` refreshes lists, details and timelines. */
export const shipmentKeys = {
  shipments: ['shipments'],
  unmatchedParties: ['shipments', 'unmatched-parties'],
} as const;

export const shipmentDetailKey = (id: string) => [...shipmentKeys.shipments, 'detail', id] as const;
export const shipmentEventsKey = (id: string) => [...shipmentKeys.shipments, 'events', id] as const;
