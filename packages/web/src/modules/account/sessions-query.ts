import { endpoints } from '@berth/domain';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../app/api/call';

export const sessionsQueryKey = ['sessions'] as const;

export function useSessions() {
  return useQuery({
    queryKey: sessionsQueryKey,
    queryFn: ({ signal }) => call(endpoints.me.sessions, { signal }),
  });
}
