import {
  type CreateOpportunityInput,
  endpoints,
  type ForecastQuery,
  type Opportunity,
  type StatsQuery,
  type UpdateOpportunityInput,
} from '@berth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { call } from '../../app/api/call';
import { customerKeys } from '../customers';
import { opportunityDetailKey, opportunityKeys, stageHistoryKey } from './query-keys';

/** After any change: the board, lists, reports and the customer pages (status, timeline) are stale. */
export function useRefreshOpportunities() {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: opportunityKeys.opportunities }),
        queryClient.invalidateQueries({ queryKey: customerKeys.customers }),
      ]),
    [queryClient],
  );
}

export function useOpportunity(id: string) {
  return useQuery({
    queryKey: opportunityDetailKey(id),
    queryFn: ({ signal }) => call(endpoints.opportunities.get, { params: { id }, signal }),
    staleTime: 0,
  });
}

export function useStageHistory(id: string) {
  return useQuery({
    queryKey: stageHistoryKey(id),
    queryFn: ({ signal }) => call(endpoints.opportunities.stageChanges, { params: { id }, signal }),
  });
}

export function useCreateOpportunity() {
  const refresh = useRefreshOpportunities();
  return useMutation({
    mutationFn: (input: CreateOpportunityInput) => call(endpoints.opportunities.create, { body: input }),
    onSuccess: refresh,
  });
}

/** Any change of an opportunity at the version the caller saw, a board move included. */
export function useUpdateOpportunity() {
  const refresh = useRefreshOpportunities();
  return useMutation({
    mutationFn: (vars: { opportunity: Pick<Opportunity, 'id' | 'version'>; input: UpdateOpportunityInput }) =>
      call(endpoints.opportunities.update, {
        params: { id: vars.opportunity.id },
        body: vars.input,
        version: vars.opportunity.version,
      }),
    onSuccess: refresh,
  });
}

export function useDeleteOpportunity() {
  const refresh = useRefreshOpportunities();
  return useMutation({
    mutationFn: (opportunity: Pick<Opportunity, 'id' | 'version'>) =>
      call(endpoints.opportunities.delete, { params: { id: opportunity.id }, version: opportunity.version }),
    onSuccess: refresh,
  });
}

export function useForecast(query: ForecastQuery) {
  return useQuery({
    queryKey: [...opportunityKeys.forecast, query],
    queryFn: ({ signal }) => call(endpoints.opportunities.forecast, { query, signal }),
  });
}

export function useStats(query: StatsQuery) {
  return useQuery({
    queryKey: [...opportunityKeys.stats, query],
    queryFn: ({ signal }) => call(endpoints.opportunities.stats, { query, signal }),
  });
}
