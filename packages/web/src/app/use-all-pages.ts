import { type Page, pageOf } from '@berth/domain';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from './api/transport';
import { readPages } from './keyset-pages';

const pageSize = 200;
const maxPages = 25;

/** Reads every page of a list (for lookups such as role or team names and select options). */
export function useAllPages<S extends z.ZodType>(
  queryKey: readonly unknown[],
  path: string,
  itemSchema: S,
  enabled = true,
) {
  return useQuery({
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
