import {
  type CreateLostReasonInput,
  endpoints,
  type StageConfigInput,
  type UpdateLostReasonInput,
} from '@berth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api/call';
import { useCan } from '../../app/permissions';
import { opportunityKeys } from './query-keys';

/** The pipeline's stages in order (names in the UI language); with `includeInactive` for the settings page. */
export function useStages(includeInactive = false) {
  const { i18n } = useTranslation();
  const can = useCan();
  const query = useQuery({
    queryKey: [...opportunityKeys.stages, includeInactive, i18n.language],
    queryFn: ({ signal }) =>
      call(endpoints.pipeline.stages, { query: { includeInactive: includeInactive ? 'true' : undefined }, signal }),
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
      call(endpoints.pipeline.lostReasons, {
        query: { includeInactive: includeInactive ? 'true' : undefined },
        signal,
      }),
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
      call(endpoints.pipeline.configureStages, { body: vars.input, version: vars.version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: opportunityKeys.opportunities }),
  });
}

export function useLostReasonMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: opportunityKeys.lostReasons });
  return {
    create: useMutation({
      mutationFn: (input: CreateLostReasonInput) => call(endpoints.pipeline.createLostReason, { body: input }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: (vars: { id: string; version: number; input: UpdateLostReasonInput }) =>
        call(endpoints.pipeline.updateLostReason, { params: { id: vars.id }, body: vars.input, version: vars.version }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (vars: { id: string; version: number }) =>
        call(endpoints.pipeline.deleteLostReason, { params: { id: vars.id }, version: vars.version }),
      onSuccess: refresh,
    }),
  };
}
