import { endpoints, type Tag } from '@berth/domain';
import { useMemo } from 'react';
import { useCan } from '../../app/permissions';
import { useAllPages } from '../../app/use-all-pages';
import { customerKeys } from './query-keys';
import { byGroupThenName } from './tag-order';

/** Every customer tag (few per organisation, read page by page), by group; empty without tags.read. */
export function useTagLookup() {
  const can = useCan();
  const query = useAllPages(customerKeys.tags, endpoints.tags.list, can('tags', 'read'));
  const tags = useMemo(() => [...(query.data?.items ?? [])].sort(byGroupThenName), [query.data]);
  const byId = useMemo(() => new Map<string, Tag>(tags.map((tag) => [tag.id, tag])), [tags]);
  return {
    tags,
    byId,
    truncated: query.data?.truncated ?? false,
    loading: query.isLoading,
    error: query.error,
    refetch: query.refetch,
  };
}
