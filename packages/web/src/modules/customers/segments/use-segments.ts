import { pageOf, savedViewSchema, segmentSchema } from '@berth/domain';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../../app/api-client';
import { useCan } from '../../../app/permissions';

export const segmentKeys = {
  segments: ['segments'],
  savedViews: ['saved-views'],
} as const;

export const segmentDetailKey = (id: string) => [...segmentKeys.segments, 'detail', id] as const;

const segmentPage = pageOf(segmentSchema);
const savedViewPage = pageOf(savedViewSchema);

/** The segments the user may pick (shared ones and their own), newest first, the first 200. */
export function useSegmentLookup() {
  const can = useCan();
  const query = useQuery({
    queryKey: [...segmentKeys.segments, 'lookup'],
    queryFn: ({ signal }) => api.get('/api/segments', segmentPage, { limit: 200 }, signal),
    enabled: can('segments', 'read'),
    staleTime: 30_000,
  });
  return { segments: useMemo(() => query.data?.items ?? [], [query.data]), loading: query.isLoading };
}

/** The user's saved views of the customer list and those colleagues shared. */
export function useSavedViews() {
  const query = useQuery({
    queryKey: [...segmentKeys.savedViews, 'customers'],
    queryFn: ({ signal }) => api.get('/api/saved-views', savedViewPage, { resource: 'customers' }, signal),
  });
  return { views: useMemo(() => query.data?.items ?? [], [query.data]), loading: query.isLoading };
}
