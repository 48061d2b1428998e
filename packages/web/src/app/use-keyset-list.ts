import type { EndpointParams, EndpointQuery, Page } from '@berth/domain';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { z } from 'zod';
import { call, type ItemOf, type PageEndpoint } from './api/call';
import { itemsOfPages, keysetListKey, nextPageCursor } from './keyset-pages';

type ListParams<E extends PageEndpoint> = E['params'] extends z.ZodType
  ? { params: EndpointParams<E> }
  : { params?: undefined };

export type KeysetListOptions<E extends PageEndpoint> = ListParams<E> & {
  /** Query key prefix, e.g. ['users']; the query and the page size are appended. */
  queryKey: readonly unknown[];
  /** The list endpoint: `endpoints.users.list`. */
  endpoint: E;
  /** Filters and sort; the hook adds `limit` and `cursor`. */
  query?: Omit<NonNullable<EndpointQuery<E>>, 'limit' | 'cursor'>;
  pageSize?: number;
  enabled?: boolean;
};

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
export function useKeysetList<E extends PageEndpoint>(options: KeysetListOptions<E>): KeysetList<ItemOf<E>> {
  const { queryKey, endpoint, params, query: filters = {}, pageSize = 50, enabled = true } = options;

  const query = useInfiniteQuery({
    queryKey: keysetListKey(queryKey, filters, pageSize),
    queryFn: ({ pageParam, signal }): Promise<Page<unknown>> =>
      call(
        endpoint as PageEndpoint,
        {
          params,
          query: { ...filters, limit: pageSize, cursor: pageParam ?? undefined },
          signal,
        } as never,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: nextPageCursor,
    enabled,
  });

  const items = useMemo(() => itemsOfPages(query.data?.pages) as ItemOf<E>[], [query.data]);

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
