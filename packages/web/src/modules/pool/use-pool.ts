import {
  type AssignCustomerInput,
  customerOwnershipSchema,
  customerSchema,
  type HandoverInput,
  handoverPreviewSchema,
  handoverResultSchema,
  type PoolRuleInput,
  poolCustomerSchema,
  poolQuotaSchema,
  poolRuleSchema,
  poolRulesSchema,
  type ReleaseCustomerInput,
} from '@berth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, request, requestVoid } from '../../app/api/transport';
import { useCan } from '../../app/permissions';
import { customerKeys } from '../customers/query-keys';
import { handoverPreviewKey, ownershipKey, poolKeys } from './query-keys';

const customerPath = (id: string, action: string) => `/api/customers/${encodeURIComponent(id)}/${action}`;

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
    queryFn: ({ signal }) => api.get('/api/pool/quota', poolQuotaSchema, undefined, signal),
    enabled: can('pool', 'claim'),
  });
}

export function useCustomerOwnership(customerId: string) {
  return useQuery({
    queryKey: ownershipKey(customerId),
    queryFn: ({ signal }) => api.get(customerPath(customerId, 'ownership'), customerOwnershipSchema, undefined, signal),
  });
}

export function useClaimCustomer() {
  const refresh = useRefreshOwnership();
  return useMutation({
    mutationFn: (customerId: string) => api.post(customerPath(customerId, 'claim'), customerSchema),
    onSuccess: refresh,
  });
}

export function useReleaseCustomer(customerId: string) {
  const refresh = useRefreshOwnership();
  return useMutation({
    mutationFn: (input: ReleaseCustomerInput) =>
      api.post(customerPath(customerId, 'release'), poolCustomerSchema, input),
    onSuccess: refresh,
  });
}

export function useAssignCustomer(customerId: string) {
  const refresh = useRefreshOwnership();
  return useMutation({
    mutationFn: (input: AssignCustomerInput) => api.post(customerPath(customerId, 'assign'), customerSchema, input),
    onSuccess: refresh,
  });
}

export function useHandover() {
  const refresh = useRefreshOwnership();
  return useMutation({
    mutationFn: (input: HandoverInput) => api.post('/api/customers/handover', handoverResultSchema, input),
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
        queryFn: ({ signal }) =>
          api.get('/api/customers/handover/preview', handoverPreviewSchema, { fromUserId }, signal),
        staleTime: 0,
      }),
    [queryClient],
  );
}

export function usePoolRules() {
  return useQuery({
    queryKey: poolKeys.rules,
    queryFn: ({ signal }) => api.get('/api/pool/rules', poolRulesSchema, undefined, signal),
  });
}

/** Saves the organisation rule (teamId null) or a team override at the version read (0: not saved yet). */
export function useSavePoolRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: { teamId: string | null; version: number; input: PoolRuleInput }) =>
      request('/api/pool/rules', poolRuleSchema, {
        method: 'PUT',
        query: { teamId: vars.teamId },
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
      requestVoid('/api/pool/rules', { method: 'DELETE', query: { teamId: vars.teamId }, version: vars.version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: poolKeys.pool }),
  });
}
