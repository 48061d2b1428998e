import {
  type AssignCustomerInput,
  endpoints,
  type HandoverInput,
  type PoolRuleInput,
  type ReleaseCustomerInput,
} from '@berth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { call } from '../../app/api/call';
import { useCan } from '../../app/permissions';
import { customerKeys } from '../customers';
import { handoverPreviewKey, ownershipKey, poolKeys } from './query-keys';

/** After any ownership change: the pool, the quota, customer lists, details and timelines are stale. */
function useRefreshOwnership() {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: poolKeys.pool }),
        queryClient.invalidateQueries({ queryKey: customerKeys.customers }),
      ]),
    [queryClient],
  );
}

/** How many more customers the signed-in user may claim; only for users who may claim. */
export function usePoolQuota() {
  const can = useCan();
  return useQuery({
    queryKey: poolKeys.quota,
    queryFn: ({ signal }) => call(endpoints.pool.quota, { signal }),
    enabled: can('pool', 'claim'),
  });
}

export function useCustomerOwnership(customerId: string) {
  return useQuery({
    queryKey: ownershipKey(customerId),
    queryFn: ({ signal }) => call(endpoints.pool.ownership, { params: { id: customerId }, signal }),
  });
}

export function useClaimCustomer() {
  const refresh = useRefreshOwnership();
  return useMutation({
    mutationFn: (customerId: string) => call(endpoints.pool.claim, { params: { id: customerId } }),
    onSuccess: refresh,
  });
}

export function useReleaseCustomer(customerId: string) {
  const refresh = useRefreshOwnership();
  return useMutation({
    mutationFn: (input: ReleaseCustomerInput) =>
      call(endpoints.pool.release, { params: { id: customerId }, body: input }),
    onSuccess: refresh,
  });
}

export function useAssignCustomer(customerId: string) {
  const refresh = useRefreshOwnership();
  return useMutation({
    mutationFn: (input: AssignCustomerInput) =>
      call(endpoints.pool.assign, { params: { id: customerId }, body: input }),
    onSuccess: refresh,
  });
}

export function useHandover() {
  const refresh = useRefreshOwnership();
  return useMutation({
    mutationFn: (input: HandoverInput) => call(endpoints.pool.handover, { body: input }),
    onSuccess: refresh,
  });
}

/** Asks, when needed, how many customers a handover from a user would move now (theirs the caller may assign). */
export function useHandoverPreview() {
  const queryClient = useQueryClient();
  return useCallback(
    (fromUserId: string) =>
      queryClient.fetchQuery({
        queryKey: handoverPreviewKey(fromUserId),
        queryFn: ({ signal }) => call(endpoints.pool.handoverPreview, { query: { fromUserId }, signal }),
        staleTime: 0,
      }),
    [queryClient],
  );
}

export function usePoolRules() {
  return useQuery({
    queryKey: poolKeys.rules,
    queryFn: ({ signal }) => call(endpoints.pool.rules, { signal }),
  });
}

/** Saves the organisation rule (teamId null) or a team override at the version read (0: not saved yet). */
export function useSavePoolRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: { teamId: string | null; version: number; input: PoolRuleInput }) =>
      call(endpoints.pool.saveRule, {
        query: { teamId: vars.teamId ?? undefined },
        body: vars.input,
        version: vars.version,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: poolKeys.pool }),
  });
}

export function useDeletePoolRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: { teamId: string; version: number }) =>
      call(endpoints.pool.deleteRule, { query: { teamId: vars.teamId }, version: vars.version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: poolKeys.pool }),
  });
}
