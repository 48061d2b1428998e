import { laneFilter, type ShipmentFilters, type ShipmentViewState } from '@berth/domain';
import type { StoredViewState } from '../../../components/saved-views/saved-view-bar';
import type { ShipmentFilterValues } from './use-shipment-filters';

/**
 * The list's filter values (as the address holds them) as a saved view stores them: the lane as POL or
 * POL-POD, as the list endpoint takes it (a POD alone is no lane and is not kept), the exception flag as a
 * boolean. The list has no sort to keep.
 */
export function toShipmentViewState(values: ShipmentFilterValues): StoredViewState<'shipments'> {
  const { pol, pod, exception, ...rest } = values;
  const lane = laneFilter(pol, pod);
  const filters = Object.fromEntries(
    Object.entries({ ...rest, lane, exception: exception === 'true' ? true : undefined }).filter(
      ([, value]) => value !== undefined && value !== '',
    ),
  ) as ShipmentFilters;
  return { filters, sort: null };
}

/** A view's stored filters back into the list's filter values. */
export function fromShipmentViewState(state: ShipmentViewState): ShipmentFilterValues {
  const { lane, exception, ...rest } = state.filters;
  const [pol, pod] = lane?.split('-') ?? [];
  const values: ShipmentFilterValues = { ...rest, pol, pod, exception: exception ? 'true' : undefined };
  return Object.fromEntries(Object.entries(values).filter(([, value]) => !!value)) as ShipmentFilterValues;
}
