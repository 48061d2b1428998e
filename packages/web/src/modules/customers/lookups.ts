import { endpoints, type Tag } from '@berth/domain';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { call } from '../../app/api/call';
import { useCan } from '../../app/permissions';
import { customerKeys } from './query-keys';

/** Every customer tag (few per organisation, not paged); empty without tags.read. */
export function useTagLookup() {
  const can = useCan();
  const query = useQuery({
    queryKey: [...customerKeys.tags, 'all'],
    queryFn: ({ signal }) => call(endpoints.tags.list, { signal }),
    enabled: can('tags', 'read'),
    staleTime: 60_000,
  });
  const tags = useMemo(() => query.data?.items ?? [], [query.data]);
  const byId = useMemo(() => new Map<string, Tag>(tags.map((tag) => [tag.id, tag])), [tags]);
  return { tags, byId, loading: query.isLoading, error: query.error, refetch: query.refetch };
}
