import { type AssignProspectsInput, assignProspectsResultSchema } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api/transport';
import { customerKeys } from '../customers/query-keys';
import { poolKeys } from '../pool/query-keys';
import { salesEventKeys } from './query-keys';

/** Hands prospects out; prospects, customers and the pool lists are stale afterwards. */
export function useAssignProspects() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AssignProspectsInput) => api.post('/api/prospects/assign', assignProspectsResultSchema, input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: salesEventKeys.prospects }),
        queryClient.invalidateQueries({ queryKey: customerKeys.customers }),
        queryClient.invalidateQueries({ queryKey: poolKeys.pool }),
      ]),
  });
}
