import { endpoints, type SavedViewOf, type SavedViewResource } from '@berth/domain';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { call } from './api/call';

export const savedViewKeys = {
  all: ['saved-views'],
  of: (resource: SavedViewResource) => ['saved-views', resource] as const,
} as const;

/** The user's saved views of one list and those colleagues shared. */
export function useSavedViews<R extends SavedViewResource>(resource: R) {
  const query = useQuery({
    queryKey: savedViewKeys.of(resource),
    queryFn: ({ signal }) => call(endpoints.savedViews.list, { query: { resource }, signal }),
  });
  return {
    views: useMemo(() => (query.data?.items ?? []) as SavedViewOf<R>[], [query.data]),
    loading: query.isLoading,
  };
}
