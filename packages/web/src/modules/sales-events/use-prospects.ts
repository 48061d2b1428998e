import { type AssignProspectsInput, endpoints } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../app/api/call';
import { customerKeys } from '../customers';
import { poolKeys } from '../pool';
import { salesEventKeys } from './query-keys';

/** Hands prospects out; prospects, customers and the pool lists are stale afterwards. */
export function useAssignProspects() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AssignProspectsInput) => call(endpoints.prospects.assign, { body: input }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: salesEventKeys.prospects }),
        queryClient.invalidateQueries({ queryKey: customerKeys.customers }),
        queryClient.invalidateQueries({ queryKey: poolKeys.pool }),
      ]),
  });
}
