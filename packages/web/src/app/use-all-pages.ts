import { type Page, pageOf } from '@berth/domain';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from './api-client';
import { type AllPages, readPages } from './keyset-pages';

const pageSize = 200;
/**
 * At most 5,000 items per lookup: the whole list is held in the browser and filtered there. Roles,
 * teams and tags stay far below; an organisation with more users than this gets `truncated`, which
 * the user picker shows, instead of a list that silently ends.
 */
const maxPages = 25;
export const allPagesLimit = pageSize * maxPages;

/** Reads every page of a list (for lookups such as role or team names and select options). */
export function useAllPages<S extends z.ZodType>(
  queryKey: readonly unknown[],
  path: string,
  itemSchema: S,
  enabled = true,
) {
  return useQuery<AllPages<z.output<S>>>({
    queryKey: [...queryKey, 'all'],
    enabled,
    staleTime: 60_000,
    queryFn: ({ signal }) => {
      const schema = pageOf(itemSchema);
      return readPages(
        (cursor) => api.get(path, schema, { limit: pageSize, cursor }, signal) as Promise<Page<z.output<S>>>,
        maxPages,
      );
    },
  });
}
