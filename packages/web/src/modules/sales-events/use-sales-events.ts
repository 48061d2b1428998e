import {
  type CaptureLeadInput,
  type ChecklistInput,
  type CreateSalesEventInput,
  endpoints,
  type RosterInput,
  type SalesEvent,
  type UpdateSalesEventInput,
} from '@berth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { call } from '../../app/api/call';
import { customerKeys } from '../customers';
import { salesEventKeys } from './query-keys';

export function useSalesEvent(id: string) {
  return useQuery({
    queryKey: salesEventKeys.event(id),
    queryFn: ({ signal }) => call(endpoints.salesEvents.get, { params: { id }, signal }),
  });
}

export function useRoster(id: string) {
  return useQuery({
    queryKey: salesEventKeys.roster(id),
    queryFn: ({ signal }) => call(endpoints.salesEvents.shifts, { params: { id }, signal }),
  });
}

export function useEventReport(id: string) {
  return useQuery({
    queryKey: salesEventKeys.report(id),
    queryFn: ({ signal }) => call(endpoints.salesEvents.report, { params: { id }, signal }),
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
    mutationFn: (input: CreateSalesEventInput) => call(endpoints.salesEvents.create, { body: input }),
    onSuccess: refresh,
  });
}

export function useUpdateSalesEvent(event: SalesEvent) {
  const refresh = useRefreshEvents();
  return useMutation({
    mutationFn: (input: UpdateSalesEventInput) =>
      call(endpoints.salesEvents.update, { params: { id: event.id }, body: input, version: event.version }),
    onSuccess: refresh,
  });
}

export function useDeleteSalesEvent(event: SalesEvent) {
  const refresh = useRefreshEvents();
  return useMutation({
    mutationFn: () => call(endpoints.salesEvents.delete, { params: { id: event.id }, version: event.version }),
    onSuccess: refresh,
  });
}

/** Participants, roster and checklist are all guarded by the event's version (the one last read). */
export function useSetParticipants(eventId: string) {
  const refresh = useRefreshEvents();
  return useMutation({
    mutationFn: (vars: { userIds: string[]; version: number }) =>
      call(endpoints.salesEvents.participants, {
        params: { id: eventId },
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
      call(endpoints.salesEvents.saveShifts, { params: { id: eventId }, body: vars.input, version: vars.version }),
    onSuccess: refresh,
  });
}

export function useSaveChecklist(eventId: string) {
  const refresh = useRefreshEvents();
  return useMutation({
    mutationFn: (vars: { input: ChecklistInput; version: number }) =>
      call(endpoints.salesEvents.checklist, { params: { id: eventId }, body: vars.input, version: vars.version }),
    onSuccess: refresh,
  });
}

export function useCaptureLead(eventId: string) {
  const refresh = useRefreshEvents();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CaptureLeadInput) =>
      call(endpoints.salesEvents.captureLead, { params: { id: eventId }, body: input }),
    onSuccess: () =>
      Promise.all([
        refresh(),
        queryClient.invalidateQueries({ queryKey: salesEventKeys.prospects }),
        queryClient.invalidateQueries({ queryKey: customerKeys.customers }),
      ]),
  });
}
