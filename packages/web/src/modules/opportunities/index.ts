/**
 * What other modules mount or use of opportunities: the customer's opportunities card, their timeline entries and the
 * customer picker (a search over the customers the user may see).
 */
export { CustomerOpportunities } from './customer-opportunities';
export { CustomerPicker } from './form/customer-picker';
export { useOpportunityTimeline } from './use-opportunity-timeline';
