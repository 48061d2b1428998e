import { type CustomerFilters, laneFilter } from '@berth/domain';
import type { CustomerFilterValues } from './use-customer-filters';

/**
 * The list's filter values as the API stores them in segments and saved views (lane = POL or
 * POL-POD). The segment is not among them: neither a segment nor a view is built on a segment.
 */
export function toStoredFilters(values: CustomerFilterValues): CustomerFilters {
  const { pol, pod, sort: _sort, segment: _segment, ...rest } = values;
  const lane = laneFilter(pol, pod);
  const entries = Object.entries({ ...rest, lane }).filter(([, value]) => value !== undefined && value !== '');
  return Object.fromEntries(entries) as CustomerFilters;
}

/** Stored filters (and a view's order) back into the list's filter values (only the ones the list page offers). */
export function fromStoredFilters(filters: CustomerFilters, sort?: string | null): CustomerFilterValues {
  const [pol, pod] = filters.lane?.split('-') ?? [];
  const values: CustomerFilterValues = {
    q: filters.q,
    status: filters.status,
    relationshipType: filters.relationshipType,
    role: filters.role,
    hsChapter: filters.hsChapter,
    specialCargo: filters.specialCargo,
    country: filters.country,
    tagId: filters.tagId,
    ownerId: filters.ownerId,
    pol,
    pod,
    sort: sort ?? undefined,
  };
  return Object.fromEntries(Object.entries(values).filter(([, value]) => !!value)) as CustomerFilterValues;
}
