import { sessionSchema } from '@berth/domain';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../app/api/transport';

export const sessionsQueryKey = ['sessions'] as const;
const sessionListSchema = z.object({ items: z.array(sessionSchema) });

export function useSessions() {
  return useQuery({
    queryKey: sessionsQueryKey,
    queryFn: ({ signal }) => api.get('/api/me/sessions', sessionListSchema, undefined, signal),
  });
}
