import {
  type CreateOpportunityInput,
  type ForecastQuery,
  forecastSchema,
  type Opportunity,
  opportunitySchema,
  type StatsQuery,
  stageHistorySchema,
  statsSchema,
  type UpdateOpportunityInput,
} from '@berth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../app/api/transport';
import { customerKeys } from '../customers/query-keys';
import { opportunityDetailKey, opportunityKeys, stageHistoryKey } from './query-keys';

const path = (id: string) => `/api/opportunities/${encodeURIComponent(id)}`;

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
    queryFn: ({ signal }) => api.get(path(id), opportunitySchema, undefined, signal),
    staleTime: 0,
  });
}

export function useStageHistory(id: string) {
  return useQuery({
    queryKey: stageHistoryKey(id),
    queryFn: ({ signal }) => api.get(`${path(id)}/stage-changes`, stageHistorySchema, undefined, signal),
  });
}

export function useCreateOpportunity() {
  const refresh = useRefreshOpportunities();
  return useMutation({
    mutationFn: (input: CreateOpportunityInput) => api.post('/api/opportunities', opportunitySchema, input),
    onSuccess: refresh,
  });
}

/** Any change of an opportunity at the version the caller saw, a board move included. */
export function useUpdateOpportunity() {
  const refresh = useRefreshOpportunities();
  return useMutation({
    mutationFn: (vars: { opportunity: Pick<Opportunity, 'id' | 'version'>; input: UpdateOpportunityInput }) =>
      api.patch(path(vars.opportunity.id), opportunitySchema, vars.input, vars.opportunity.version),
    onSuccess: refresh,
  });
}

export function useDeleteOpportunity() {
  const refresh = useRefreshOpportunities();
  return useMutation({
    mutationFn: (opportunity: Pick<Opportunity, 'id' | 'version'>) =>
      api.delete(path(opportunity.id), opportunity.version),
    onSuccess: refresh,
  });
}

export function useForecast(query: ForecastQuery) {
  return useQuery({
    queryKey: [...opportunityKeys.forecast, query],
    queryFn: ({ signal }) => api.get('/api/opportunities/forecast', forecastSchema, { ...query }, signal),
  });
}

export function useStats(query: StatsQuery) {
  return useQuery({
    queryKey: [...opportunityKeys.stats, query],
    queryFn: ({ signal }) => api.get('/api/opportunities/stats', statsSchema, { ...query }, signal),
  });
}
