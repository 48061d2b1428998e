import { endpoints } from '@berth/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { call } from '../../../app/api/call';
import { useCan } from '../../../app/permissions';

export const segmentKeys = {
  segments: ['segments'],
} as const;

export const segmentDetailKey = (id: string) => [...segmentKeys.segments, 'detail', id] as const;

/** The segments the user may pick (shared ones and their own) whose name contains `q`, newest first, the first 50. */
export function useSegmentLookup(q = '') {
  const can = useCan();
  const query = useQuery({
    queryKey: [...segmentKeys.segments, 'lookup', q],
    queryFn: ({ signal }) => call(endpoints.segments.list, { query: { q: q || undefined, limit: 50 }, signal }),
    enabled: can('segments', 'read'),
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
  return { segments: useMemo(() => query.data?.items ?? [], [query.data]), loading: query.isFetching };
}

/** One segment with its live member count (counted on the server: not for every render); off while `id` is undefined. */
export function useSegment(id: string | undefined) {
  const query = useQuery({
    queryKey: segmentDetailKey(id ?? ''),
    queryFn: ({ signal }) => call(endpoints.segments.get, { params: { id: id ?? '' }, signal }),
    enabled: !!id,
    retry: false,
    staleTime: 60_000,
  });
  return { segment: query.data, error: query.error };
}
