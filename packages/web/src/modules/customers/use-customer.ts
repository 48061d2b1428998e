import { endpoints } from '@berth/domain';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../app/api/call';
import { customerDetailKey } from './query-keys';

/** One customer at its current version (for the 360 page and the edit form). */
export function useCustomer(id: string) {
  return useQuery({
    queryKey: customerDetailKey(id),
    queryFn: ({ signal }) => call(endpoints.customers.get, { params: { id }, signal }),
    staleTime: 0,
  });
}
