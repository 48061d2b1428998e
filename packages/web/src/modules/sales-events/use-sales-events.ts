import {
  type CaptureLeadInput,
  type ChecklistInput,
  type CreateSalesEventInput,
  type RosterInput,
  rosterSchema,
  type SalesEvent,
  salesEventLeadSchema,
  salesEventReportSchema,
  salesEventSchema,
  type UpdateSalesEventInput,
} from '@berth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, request } from '../../app/api/transport';
import { customerKeys } from '../customers/query-keys';
import { salesEventKeys } from './query-keys';

const eventPath = (id: string, part = '') => `/api/sales-events/${encodeURIComponent(id)}${part}`;

export function useSalesEvent(id: string) {
  return useQuery({
    queryKey: salesEventKeys.event(id),
    queryFn: ({ signal }) => api.get(eventPath(id), salesEventSchema, undefined, signal),
  });
}

export function useRoster(id: string) {
  return useQuery({
    queryKey: salesEventKeys.roster(id),
    queryFn: ({ signal }) => api.get(eventPath(id, '/shifts'), rosterSchema, undefined, signal),
  });
}

export function useEventReport(id: string) {
  return useQuery({
    queryKey: salesEventKeys.report(id),
    queryFn: ({ signal }) => api.get(eventPath(id, '/report'), salesEventReportSchema, undefined, signal),
  });
}

/** After any change to an event: the event, its roster, leads and report and the lists are stale. */
function useRefreshEvents() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: salesEventKeys.all }), [queryClient]);
}

export function useCreateSalesEvent() {
  const refresh = useRefreshEvents();
  return useMutation({
    mutationFn: (input: CreateSalesEventInput) => api.post('/api/sales-events', salesEventSchema, input),
    onSuccess: refresh,
  });
}

export function useUpdateSalesEvent(event: SalesEvent) {
  const refresh = useRefreshEvents();
  return useMutation({
    mutationFn: (input: UpdateSalesEventInput) =>
      api.patch(eventPath(event.id), salesEventSchema, input, event.version),
    onSuccess: refresh,
  });
}

export function useDeleteSalesEvent(event: SalesEvent) {
  const refresh = useRefreshEvents();
  return useMutation({ mutationFn: () => api.delete(eventPath(event.id), event.version), onSuccess: refresh });
}

/** Participants, roster and checklist are all guarded by the event's version (the one last read). */
export function useSetParticipants(eventId: string) {
  const refresh = useRefreshEvents();
  return useMutation({
    mutationFn: (vars: { userIds: string[]; version: number }) =>
      request(eventPath(eventId, '/participants'), salesEventSchema, {
        method: 'PUT',
        body: { userIds: vars.userIds },
        version: vars.version,
      }),
    onSuccess: refresh,
  });
}

export function useSaveRoster(eventId: string) {
  const refresh = useRefreshEvents();
  return useMutation({
    mutationFn: (vars: { input: RosterInput; version: number }) =>
      request(eventPath(eventId, '/shifts'), rosterSchema, { method: 'PUT', body: vars.input, version: vars.version }),
    onSuccess: refresh,
  });
}

export function useSaveChecklist(eventId: string) {
  const refresh = useRefreshEvents();
  return useMutation({
    mutationFn: (vars: { input: ChecklistInput; version: number }) =>
      request(eventPath(eventId, '/checklist'), salesEventSchema, {
        method: 'PUT',
        body: vars.input,
        version: vars.version,
      }),
    onSuccess: refresh,
  });
}

export function useCaptureLead(eventId: string) {
  const refresh = useRefreshEvents();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CaptureLeadInput) => api.post(eventPath(eventId, '/leads'), salesEventLeadSchema, input),
    onSuccess: () =>
      Promise.all([
        refresh(),
        queryClient.invalidateQueries({ queryKey: salesEventKeys.prospects }),
        queryClient.invalidateQueries({ queryKey: customerKeys.customers }),
      ]),
  });
}
