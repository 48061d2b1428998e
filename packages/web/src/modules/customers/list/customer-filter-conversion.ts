import { type CustomerFilters, laneFilter } from '@berth/domain';
import type { CustomerFilterValues } from './use-customer-filters';

/**
 * The list's filter values as the API stores them in segments and saved views (lane = POL or
 * POL-POD). The segment is not among them: neither a segment nor a view is built on a segment.
 */
export function toStoredFilters(values: CustomerFilterValues): CustomerFilters {
  const { pol, pod, sort: _sort, segment: _segment, columns: _columns, ...rest } = values;
  const lane = laneFilter(pol, pod);
  const entries = Object.entries({ ...rest, lane, pod: pol ? undefined : pod }).filter(
    ([, value]) => value !== undefined && value !== '',
  );
  return Object.fromEntries(entries) as CustomerFilters;
}

/** Stored filters (and a view's order and columns) back into the list's filter values (only the ones the list page offers). */
export function fromStoredFilters(
  filters: CustomerFilters,
  sort?: string | null,
  columns?: string[] | null,
): CustomerFilterValues {
  const [pol, lanePod] = filters.lane?.split('-') ?? [];
  const pod = lanePod ?? filters.pod;
  const values: CustomerFilterValues = {
    q: filters.q,
    status: filters.status,
    relationshipType: filters.relationshipType,
    role: filters.role,
    country: filters.country,
    tagId: filters.tagId,
    ownerId: filters.ownerId,
    pol,
    pod,
    sort: sort ?? undefined,
    columns: columns?.length ? columns.join(',') : undefined,
  };
  return Object.fromEntries(Object.entries(values).filter(([, value]) => !!value)) as CustomerFilterValues;
}
