import { type Customer, type DuplicateCandidate, type EndpointBody, endpoints } from '@berth/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../app/api/call';
import { customerDetailKey, customerKeys } from '../query-keys';

/** The short form of a customer the merge dialog shows (a duplicate candidate's `customer`). */
export type MergeSource = DuplicateCandidate['customer'];
type MergeInput = EndpointBody<typeof endpoints.customers.merge>;

const searchLimit = 20;

/** Customers that look like this one (same credit code, similar names), best first. */
export function useMergeCandidates(customer: Customer) {
  const params = {
    name: customer.name,
    nameEn: customer.nameEn ?? undefined,
    creditCode: customer.creditCode ?? undefined,
    excludeId: customer.id,
  };
  const query = useQuery({
    queryKey: [...customerKeys.customers, 'duplicates', params],
    queryFn: ({ signal }) => call(endpoints.customers.duplicates, { query: params, signal }),
    retry: false,
  });
  return { candidates: query.data?.items ?? [], loading: query.isPending };
}

/** Customers matching a search text, without the one being kept. */
export function useMergeSearch(q: string, excludeId: string) {
  const query = useQuery({
    queryKey: [...customerKeys.customers, 'merge-search', q],
    queryFn: ({ signal }) => call(endpoints.customers.list, { query: { q, limit: searchLimit }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const found: MergeSource[] = (query.data?.items ?? [])
    .filter((item) => item.id !== excludeId)
    .map(({ id, code, name, nameEn }) => ({ id, code, name, nameEn }));
  return { found, loading: query.isFetching };
}

/** What merging `sourceId` into the customer would do: both records, each field's default side, what moves. */
export function useMergePreview(customerId: string, sourceId: string | undefined) {
  return useQuery({
    queryKey: [...customerKeys.customers, 'merge-preview', customerId, sourceId ?? null],
    queryFn: ({ signal }) =>
      call(endpoints.customers.mergePreview, {
        params: { id: customerId },
        query: { sourceId: sourceId as string },
        signal,
      }),
    enabled: sourceId !== undefined,
    retry: false,
  });
}

/**
 * Merges `sourceId` into the customer, with If-Match on the kept customer's version. Afterwards the customer,
 * its contacts and timeline are read again; the merged record is gone.
 */
export function useMergeCustomer(customer: Customer) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MergeInput) =>
      call(endpoints.customers.merge, { params: { id: customer.id }, body: input, version: customer.version }),
    onSuccess: (merged, input) => {
      queryClient.setQueryData(customerDetailKey(merged.id), merged);
      queryClient.removeQueries({ queryKey: customerDetailKey(input.sourceId) });
      void queryClient.invalidateQueries({ queryKey: customerKeys.customers });
      void queryClient.invalidateQueries({ queryKey: customerKeys.contacts });
      void queryClient.invalidateQueries({ queryKey: customerKeys.tags });
    },
  });
}
