import type { Endpoint } from '@berth/domain';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from './api/call';

/**
 * The query key of every home card: `['home', <path>, <language>]` (the answer names stages in the caller's
 * language); invalidating `['home']` reloads the page's cards.
 */
export const homeCardKeys = {
  all: ['home'] as const,
  card: (path: string, language: string) => ['home', path, language] as const,
};

/** A home card's data from its endpoint (`endpoints.home.tasks`), each card on its own so one slow card holds up none. */
export function useHomeCard<E extends Endpoint & { method: 'GET' }>(endpoint: E) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: homeCardKeys.card(endpoint.path, i18n.language),
    queryFn: ({ signal }) => call(endpoint, { signal } as never),
    retry: false,
  });
}
