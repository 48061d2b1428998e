/**
 * What other modules mount or use of opportunities: the customer's opportunities card, their timeline entries and the
 * customer picker (a search over the customers the user may see).
 */
export { CustomerOpportunities } from './customer-opportunities';
export { CreateOpportunityModal } from './form/create-opportunity-modal';
export { CustomerPicker } from './form/customer-picker';
export { LogInquiryButton, QuickInquiryModal } from './quick-inquiry-modal';
export { useOpportunityTimeline } from './use-opportunity-timeline';
