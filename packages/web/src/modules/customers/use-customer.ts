import { customerSchema } from '@berth/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api-client';
import { customerDetailKey } from './query-keys';

/** One customer at its current version (for the 360 page and the edit form). */
export function useCustomer(id: string) {
  return useQuery({
    queryKey: customerDetailKey(id),
    queryFn: ({ signal }) => api.get(`/api/customers/${encodeURIComponent(id)}`, customerSchema, undefined, signal),
    staleTime: 0,
  });
}
