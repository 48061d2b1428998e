/**
 * What other modules mount or use of the pool: the ownership card and timeline details on the
 * customer page, the hand-over of a departing user's customers, and the query keys.
 */
export { CustomerOwnershipCard } from './customer-ownership-card';
export { HandoverModal } from './handover-modal';
export { OwnershipEntryDetails } from './ownership-entry-details';
export { poolKeys } from './query-keys';
export { useCustomerOwnership, useHandoverPreview } from './use-pool';
