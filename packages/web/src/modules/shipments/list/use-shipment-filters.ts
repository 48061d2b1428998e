import { type EndpointQuery, type endpoints, laneFilter } from '@berth/domain';
import { useUrlFilters } from '../../../app/use-url-filters';

/** The filters of the shipment list, as the list endpoint takes them. */
export type ShipmentListParams = Omit<NonNullable<EndpointQuery<typeof endpoints.shipments.list>>, 'limit' | 'cursor'>;

export interface ShipmentFilterValues {
  q?: string;
  customerId?: string;
  mode?: string;
  status?: string;
  pol?: string;
  pod?: string;
  etdFrom?: string;
  etdTo?: string;
  etaFrom?: string;
  etaTo?: string;
  /** 'true': only shipments with an exception. */
  exception?: string;
}

const filterKeys = [
  'q',
  'customerId',
  'mode',
  'status',
  'pol',
  'pod',
  'etdFrom',
  'etdTo',
  'etaFrom',
  'etaTo',
  'exception',
] as const satisfies readonly (keyof ShipmentFilterValues)[];

/** The list filters live in the address (?status=departed&pol=CNSHA), so "back" from a shipment keeps them. */
export function useShipmentFilters(): [ShipmentFilterValues, (next: ShipmentFilterValues) => void] {
  return useUrlFilters(filterKeys);
}

/**
 * The list endpoint's query: the lane is POL or POL-POD (a POD alone is not a lane filter the server knows, so it
 * waits for a POL). Values from the address go as typed; the server answers 400 to one it does not know.
 */
export function shipmentListParams(filters: ShipmentFilterValues): ShipmentListParams {
  const { pol, pod, exception, ...rest } = filters;
  return {
    ...rest,
    lane: laneFilter(pol, pod),
    exception: exception === 'true' ? 'true' : undefined,
  } as ShipmentListParams;
}

export function hasFilters(filters: ShipmentFilterValues): boolean {
  return Object.values(filters).some(Boolean);
}
