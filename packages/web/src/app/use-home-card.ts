import type { Endpoint } from '@berth/domain';
import { useQuery } from '@tanstack/react-query';
import { call } from './api/call';

/** The query key of every home card: `['home', <path>]`; invalidating `['home']` reloads the page's cards. */
export const homeCardKeys = { all: ['home'] as const, card: (path: string) => ['home', path] as const };

/** A home card's data from its endpoint (`endpoints.home.tasks`), each card on its own so one slow card holds up none. */
export function useHomeCard<E extends Endpoint & { method: 'GET' }>(endpoint: E) {
  return useQuery({
    queryKey: homeCardKeys.card(endpoint.path),
    queryFn: ({ signal }) => call(endpoint, { signal } as never),
    retry: false,
  });
}
