import {
  type EndpointResponse,
  endpoints,
  type ImportEntity,
  type ImportRecord,
  type importPolicies,
} from '@berth/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { call } from '../../../app/api/call';
import { isApiError } from '../../../app/api-error';
import { customerImportKey, customerKeys } from '../query-keys';

export type ImportPreview = EndpointResponse<typeof endpoints.imports.preview>;
export type ImportPolicy = (typeof importPolicies)[number];
/** Source column header → import field; columns left out are not imported. */
export type ImportMapping = Record<string, string>;

export interface StartImportInput {
  entity: ImportEntity;
  file: File;
  policy: ImportPolicy;
  mapping: ImportMapping;
  /** The importer's options for the whole file (a shipment file's source system). */
  source?: string;
}

const pollMs = 1000;

/** Reads the first rows of a file on the server: encoding, headers, sample rows and the suggested mapping. */
export function useImportPreview() {
  return useMutation({
    mutationFn: ({ file, entity }: { file: File; entity: ImportEntity }) => {
      const form = new FormData();
      form.append('entity', entity);
      form.append('file', file);
      return call(endpoints.imports.preview, { body: form });
    },
  });
}

/** Uploads the file with the mapping and policy; the server answers 202 with the id of the queued import. */
export function useStartImport() {
  return useMutation({
    mutationFn: ({ entity, file, policy, mapping, source }: StartImportInput) => {
      const form = new FormData();
      // Text fields first, so the server knows them when the file part arrives.
      form.append('entity', entity);
      form.append('policy', policy);
      form.append('mapping', JSON.stringify(mapping));
      if (source) form.append('source', source);
      form.append('file', file);
      return call(endpoints.imports.start, { body: form });
    },
  });
}

export function isImportRunning(record: ImportRecord | undefined): boolean {
  return !record || record.status === 'queued' || record.status === 'running';
}

/** An import's progress, asked every second while it is queued or running; customer data is refreshed at the end. */
export function useImportProgress(id: string) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: customerImportKey(id),
    queryFn: ({ signal }) => call(endpoints.imports.get, { params: { id }, signal }),
    staleTime: 0,
    retry: (failures, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && failures < 3,
    refetchInterval: (current) => {
      const { error, data } = current.state;
      if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
      return isImportRunning(data) ? pollMs : false;
    },
  });

  const finished = query.data !== undefined && !isImportRunning(query.data);
  useEffect(() => {
    if (!finished) return;
    void queryClient.invalidateQueries({ queryKey: customerKeys.customers });
    void queryClient.invalidateQueries({ queryKey: customerKeys.contacts });
  }, [finished, queryClient]);

  return query;
}
