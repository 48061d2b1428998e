import { type EndpointQuery, type endpoints, laneFilter } from '@berth/domain';
import { useUrlFilters } from '../../../app/use-url-filters';

/** The filters and order of the customer list (and of its export). */
export type CustomerListQuery = Omit<NonNullable<EndpointQuery<typeof endpoints.customers.list>>, 'limit' | 'cursor'>;

export interface CustomerFilterValues {
  q?: string;
  status?: string;
  relationshipType?: string;
  role?: string;
  country?: string;
  tagId?: string;
  ownerId?: string;
  pol?: string;
  pod?: string;
  /** Only the members of this segment (its own filters apply, the others narrow them). */
  segment?: string;
  /** The list's order (`name`, `-code`…); newest first when empty. */
  sort?: string;
  /** The columns shown, comma-separated in the address (`code,name,owner`); all when empty. */
  columns?: string;
}

const filterKeys = [
  'q',
  'status',
  'relationshipType',
  'role',
  'country',
  'tagId',
  'ownerId',
  'pol',
  'pod',
  'segment',
  'sort',
  'columns',
] as const satisfies readonly (keyof CustomerFilterValues)[];

/** The list filters live in the address (?status=active&pol=CNSHA), so "back" from a customer keeps them. */
export function useCustomerFilters(): [CustomerFilterValues, (next: CustomerFilterValues) => void] {
  return useUrlFilters(filterKeys);
}

/**
 * The list endpoint's query: the lane filter is POL or POL-POD, a POD without a POL its own filter (lanes to it
 * from anywhere). The values come from the address as they were typed there; the server answers 400 to one it does
 * not know. The columns shown are the page's, not the query's.
 */
export function customerListParams(filters: CustomerFilterValues): CustomerListQuery {
  const { pol, pod, columns: _columns, ...rest } = filters;
  return { ...rest, lane: laneFilter(pol, pod), pod: pol ? undefined : pod } as CustomerListQuery;
}

/** Whether anything narrows the list (its order does not). */
export function hasFilters(filters: CustomerFilterValues): boolean {
  const { sort: _sort, columns: _columns, ...narrowing } = filters;
  return Object.values(narrowing).some(Boolean);
}
