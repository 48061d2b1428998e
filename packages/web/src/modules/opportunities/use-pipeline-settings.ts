import {
  type CreateLostReasonInput,
  lostReasonSchema,
  pageOf,
  type StageConfigInput,
  stageListSchema,
  type UpdateLostReasonInput,
} from '@berth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, request } from '../../app/api/transport';
import { useCan } from '../../app/permissions';
import { opportunityKeys } from './query-keys';

const lostReasonPage = pageOf(lostReasonSchema);

/** The pipeline's stages in order (names in the UI language); with `includeInactive` for the settings page. */
export function useStages(includeInactive = false) {
  const { i18n } = useTranslation();
  const can = useCan();
  const query = useQuery({
    queryKey: [...opportunityKeys.stages, includeInactive, i18n.language],
    queryFn: ({ signal }) =>
      api.get('/api/opportunities/stages', stageListSchema, { includeInactive: includeInactive || undefined }, signal),
    staleTime: 60_000,
    enabled: can('opportunities', 'read'),
  });
  const stages = useMemo(() => query.data?.items ?? [], [query.data]);
  const byKey = useMemo(() => new Map(stages.map((stage) => [stage.key, stage])), [stages]);
  return { ...query, stages, byKey };
}

export function useLostReasons(includeInactive = false) {
  const { i18n } = useTranslation();
  const can = useCan();
  const query = useQuery({
    queryKey: [...opportunityKeys.lostReasons, includeInactive, i18n.language],
    queryFn: ({ signal }) =>
      api.get(
        '/api/opportunities/lost-reasons',
        lostReasonPage,
        { includeInactive: includeInactive || undefined },
        signal,
      ),
    staleTime: 60_000,
    enabled: can('opportunities', 'read'),
  });
  const reasons = useMemo(() => query.data?.items ?? [], [query.data]);
  const byId = useMemo(() => new Map(reasons.map((reason) => [reason.id, reason])), [reasons]);
  return { ...query, reasons, byId };
}

export function useConfigureStages() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: { version: number; input: StageConfigInput }) =>
      request('/api/opportunities/stages', stageListSchema, { method: 'PUT', body: vars.input, version: vars.version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: opportunityKeys.opportunities }),
  });
}

export function useLostReasonMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: opportunityKeys.lostReasons });
  const path = (id: string) => `/api/opportunities/lost-reasons/${encodeURIComponent(id)}`;
  return {
    create: useMutation({
      mutationFn: (input: CreateLostReasonInput) =>
        api.post('/api/opportunities/lost-reasons', lostReasonSchema, input),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: (vars: { id: string; version: number; input: UpdateLostReasonInput }) =>
        api.patch(path(vars.id), lostReasonSchema, vars.input, vars.version),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (vars: { id: string; version: number }) => api.delete(path(vars.id), vars.version),
      onSuccess: refresh,
    }),
  };
}
