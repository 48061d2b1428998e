import { pageOf } from '@berth/domain';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { z } from 'zod';
import { api, type QueryParams } from './api-client';
import { itemsOfPages, keysetListKey, nextPageCursor } from './keyset-pages';

export interface KeysetListOptions<S extends z.ZodType> {
  /** Query key prefix, e.g. ['users']; filters are appended. */
  queryKey: readonly unknown[];
  path: string;
  itemSchema: S;
  params?: QueryParams;
  pageSize?: number;
  enabled?: boolean;
}

export interface KeysetList<T> {
  items: T[];
  hasMore: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: Error | null;
  loadMore: () => void;
  refetch: () => void;
}

/** A list endpoint answering `{items, nextCursor}`, read page by page with "load more". */
export function useKeysetList<S extends z.ZodType>(options: KeysetListOptions<S>): KeysetList<z.output<S>> {
  const { queryKey, path, itemSchema, params = {}, pageSize = 50, enabled = true } = options;
  const schema = useMemo(() => pageOf(itemSchema), [itemSchema]);

  const query = useInfiniteQuery({
    queryKey: keysetListKey(queryKey, params, pageSize),
    queryFn: ({ pageParam, signal }) =>
      api.get(path, schema, { ...params, limit: pageSize, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: nextPageCursor,
    enabled,
  });

  const items = useMemo(() => itemsOfPages(query.data?.pages) as z.output<S>[], [query.data]);

  return {
    items,
    hasMore: query.hasNextPage,
    loading: query.isPending && enabled,
    loadingMore: query.isFetchingNextPage,
    error: query.error,
    loadMore: () => void query.fetchNextPage(),
    refetch: () => void query.refetch(),
  };
}
