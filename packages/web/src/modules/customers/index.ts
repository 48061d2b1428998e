/** What other modules use of customers: the query keys to refresh after a change, and the labels of customer fields. */
export { customerDetailKey, customerKeys, customerTimelineKey } from './query-keys';
export { type CustomerLabels, type LabelOption, useCustomerLabels } from './use-customer-labels';
