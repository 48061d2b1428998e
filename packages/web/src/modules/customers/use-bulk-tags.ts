import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../app/api-client';
import { customerKeys } from './query-keys';

const bulkTagResultSchema = z.object({ updated: z.number().int(), skipped: z.number().int() });
export type BulkTagResult = z.infer<typeof bulkTagResultSchema>;

export interface BulkTagRequest {
  customerIds: string[];
  add: string[];
  remove: string[];
}

/** Adds and removes tags on customers; customers the user may not change are skipped and counted. */
export function useBulkTags(options: {
  onSuccess?: (result: BulkTagResult) => void;
  onError?: (error: Error) => void;
}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BulkTagRequest) => api.post('/api/customers/bulk-tags', bulkTagResultSchema, input),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: customerKeys.customers });
      void queryClient.invalidateQueries({ queryKey: customerKeys.tags });
      options.onSuccess?.(result);
    },
    onError: options.onError,
  });
}
