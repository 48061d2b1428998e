import { type Page, pageOf } from '@berth/domain';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from './api-client';

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
    queryFn: async ({ signal }) => {
      const schema = pageOf(itemSchema);
      const items: z.output<S>[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < maxPages; page += 1) {
        const result = (await api.get(path, schema, { limit: pageSize, cursor }, signal)) as Page<z.output<S>>;
        items.push(...result.items);
        cursor = result.nextCursor;
        if (!cursor) break;
      }
      return items;
    },
  });
}
