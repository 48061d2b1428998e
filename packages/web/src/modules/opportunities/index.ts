/** What other modules mount or use of opportunities: the customer's opportunities card and their timeline entries. */
export { CustomerOpportunities } from './customer-opportunities';
export { useOpportunityTimeline } from './use-opportunity-timeline';
