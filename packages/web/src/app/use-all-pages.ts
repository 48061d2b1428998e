import { useQuery } from '@tanstack/react-query';
import { call, type ItemOf, type PageEndpoint } from './api/call';
import { readPages } from './keyset-pages';

const pageSize = 200;
const maxPages = 25;

/** Reads every page of a list (for lookups such as role or team names and select options). */
export function useAllPages<E extends PageEndpoint>(queryKey: readonly unknown[], endpoint: E, enabled = true) {
  return useQuery({
    queryKey: [...queryKey, 'all'],
    enabled,
    staleTime: 60_000,
    queryFn: ({ signal }) =>
      readPages(
        (cursor) => call(endpoint as PageEndpoint, { query: { limit: pageSize, cursor }, signal } as never),
        maxPages,
      ) as Promise<ItemOf<E>[]>,
  });
}
