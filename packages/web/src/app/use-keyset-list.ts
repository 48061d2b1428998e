import { type Endpoint, type EndpointQuery, type Page, pageOf } from '@berth/domain';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { z } from 'zod';
import { call, type ItemOf, type PageEndpoint } from './api/call';
import { api, type QueryParams } from './api/transport';
import { itemsOfPages, keysetListKey, nextPageCursor } from './keyset-pages';

type ListParams<E extends Endpoint> = E['params'] extends z.ZodType
  ? { params: z.input<E['params']> }
  : { params?: undefined };

export type KeysetListOptions<E extends PageEndpoint> = ListParams<E> & {
  /** Query key prefix, e.g. ['users']; the query and the page size are appended. */
  queryKey: readonly unknown[];
  endpoint: E;
  /** Filters and sort; the hook adds `limit` and `cursor`. */
  query?: Omit<NonNullable<EndpointQuery<E>>, 'limit' | 'cursor'>;
  pageSize?: number;
  enabled?: boolean;
};

/** Until every list is declared in the domain: a path and the schema of its items. */
interface PathKeysetListOptions<S extends z.ZodType> {
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
export function useKeysetList<E extends PageEndpoint>(options: KeysetListOptions<E>): KeysetList<ItemOf<E>>;
export function useKeysetList<S extends z.ZodType>(options: PathKeysetListOptions<S>): KeysetList<z.output<S>>;
export function useKeysetList(
  options: KeysetListOptions<PageEndpoint> | PathKeysetListOptions<z.ZodType>,
): KeysetList<unknown> {
  const { queryKey, pageSize = 50, enabled = true } = options;
  const itemSchema = 'itemSchema' in options ? options.itemSchema : undefined;
  const schema = useMemo(() => (itemSchema ? pageOf(itemSchema) : undefined), [itemSchema]);
  const filters = ('endpoint' in options ? options.query : options.params) ?? {};

  const query = useInfiniteQuery({
    queryKey: keysetListKey(queryKey, filters, pageSize),
    queryFn: ({ pageParam, signal }): Promise<Page<unknown>> => {
      const page = { ...filters, limit: pageSize, cursor: pageParam ?? undefined };
      if ('endpoint' in options) {
        return call(options.endpoint, { params: options.params, query: page, signal } as never);
      }
      return api.get(options.path, schema as z.ZodType, page, signal) as Promise<Page<unknown>>;
    },
    initialPageParam: null as string | null,
    getNextPageParam: nextPageCursor,
    enabled,
  });

  const items = useMemo(() => itemsOfPages(query.data?.pages), [query.data]);

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
