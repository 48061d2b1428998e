import { useQuery } from '@tanstack/react-query';
import { call, type ItemOf, type PageEndpoint } from './api/call';
import { type AllPages, readPages } from './keyset-pages';

const pageSize = 200;
/**
 * At most 5,000 items per lookup: the whole list is held in the browser and filtered there. Roles,
 * teams and tags stay far below; an organisation with more users than this gets `truncated`, which
 * the user picker shows, instead of a list that silently ends.
 */
const maxPages = 25;
export const allPagesLimit = pageSize * maxPages;

/** Reads every page of a list endpoint (for lookups such as role or team names and select options). */
export function useAllPages<E extends PageEndpoint>(queryKey: readonly unknown[], endpoint: E, enabled = true) {
  return useQuery<AllPages<ItemOf<E>>>({
    queryKey: [...queryKey, 'all'],
    enabled,
    staleTime: 60_000,
    queryFn: ({ signal }) =>
      readPages(
        (cursor) => call(endpoint as PageEndpoint, { query: { limit: pageSize, cursor }, signal } as never),
        maxPages,
      ) as Promise<AllPages<ItemOf<E>>>,
  });
}
