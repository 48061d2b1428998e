import { type EndpointBody, type EndpointResponse, endpoints } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../app/api/call';
import { customerKeys } from './query-keys';

export type BulkTagResult = EndpointResponse<typeof endpoints.customers.bulkTags>;
export type BulkTagRequest = EndpointBody<typeof endpoints.customers.bulkTags>;

/** Adds and removes tags on customers; customers the user may not change are skipped and counted. */
export function useBulkTags(options: {
  onSuccess?: (result: BulkTagResult) => void;
  onError?: (error: Error) => void;
}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BulkTagRequest) => call(endpoints.customers.bulkTags, { body: input }),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: customerKeys.customers });
      void queryClient.invalidateQueries({ queryKey: customerKeys.tags });
      options.onSuccess?.(result);
    },
    onError: options.onError,
  });
}
