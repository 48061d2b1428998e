import { endpoints, type Shipment, type UpdateShipmentInput } from '@berth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../app/api/call';
import { shipmentDetailKey, shipmentEventsKey, shipmentKeys } from './query-keys';

export function useShipment(id: string) {
  return useQuery({
    queryKey: shipmentDetailKey(id),
    queryFn: ({ signal }) => call(endpoints.shipments.get, { params: { id }, signal }),
    retry: false,
  });
}

/** The shipment's tracking events in the order they happened. */
export function useShipmentEvents(id: string) {
  return useQuery({
    queryKey: shipmentEventsKey(id),
    queryFn: ({ signal }) => call(endpoints.shipments.eventList, { params: { id }, signal }),
  });
}

/** A correction by hand, at the version the user saw (If-Match). */
export function useUpdateShipment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: { shipment: Pick<Shipment, 'id' | 'version'>; input: UpdateShipmentInput }) =>
      call(endpoints.shipments.update, {
        params: { id: vars.shipment.id },
        body: vars.input,
        version: vars.shipment.version,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: shipmentKeys.shipments }),
  });
}
