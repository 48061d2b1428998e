import { pageOf, type Tag, tagSchema } from '@berth/domain';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../app/api-client';
import { useCan } from '../../app/permissions';
import { customerKeys } from './query-keys';

const tagPageSchema = pageOf(tagSchema);

/** Every customer tag (few per organisation, not paged); empty without tags.read. */
export function useTagLookup() {
  const can = useCan();
  const query = useQuery({
    queryKey: [...customerKeys.tags, 'all'],
    queryFn: ({ signal }) => api.get('/api/tags', tagPageSchema, undefined, signal),
    enabled: can('tags', 'read'),
    staleTime: 60_000,
  });
  const tags = useMemo(() => query.data?.items ?? [], [query.data]);
  const byId = useMemo(() => new Map<string, Tag>(tags.map((tag) => [tag.id, tag])), [tags]);
  return { tags, byId, loading: query.isLoading, error: query.error, refetch: query.refetch };
}
