/** What other modules use of customers: the query keys to refresh after a change. */

// Files on a customer, a contact or an opportunity (the opportunity page's tab).
export { RecordAttachments } from './detail/customer-attachments';
export { customerDetailKey, customerKeys, customerTimelineKey } from './query-keys';
