import type { EndpointQuery, endpoints } from '@berth/domain';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

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
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => {
    const values: ShipmentFilterValues = {};
    for (const key of filterKeys) {
      const value = searchParams.get(key);
      if (value) values[key] = value;
    }
    return values;
  }, [searchParams]);
  const setFilters = useCallback(
    (next: ShipmentFilterValues) => {
      const params = new URLSearchParams();
      for (const key of filterKeys) {
        const value = next[key];
        if (value) params.set(key, value);
      }
      setSearchParams(params, { replace: true });
    },
    [setSearchParams],
  );
  return [filters, setFilters];
}

/**
 * The list endpoint's query: the lane is POL or POL-POD (a POD alone is not a lane filter the server knows, so it
 * waits for a POL). Values from the address go as typed; the server answers 400 to one it does not know.
 */
export function shipmentListParams(filters: ShipmentFilterValues): ShipmentListParams {
  const { pol, pod, exception, ...rest } = filters;
  return {
    ...rest,
    lane: pol ? (pod ? `${pol}-${pod}` : pol) : undefined,
    exception: exception === 'true' ? 'true' : undefined,
  } as ShipmentListParams;
}

export function hasFilters(filters: ShipmentFilterValues): boolean {
  return Object.values(filters).some(Boolean);
}
