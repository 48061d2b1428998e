/** What other modules use of customers: the query keys to refresh after a change. */
export { customerDetailKey, customerKeys, customerTimelineKey } from './query-keys';
