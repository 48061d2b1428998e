/**
 * What other modules may use of the opportunities module; its manifest is `manifest.ts`
 * (see customers/index.ts for why the two are apart).
 */

// Inquiries from other channels (a lead at a trade show).
export { type CreateInquiryInput, createInquiry } from './inquiries';
// One opportunity the caller may see.
export { assertOpportunityVisible, type OpportunityRef } from './opportunity-access';
// Reading opportunities and stages in another module's SQL, and linking records to an opportunity.
export { opportunityRef, opportunityStageRef, referencesOpportunity } from './opportunity-ref';
// Records that hang off an opportunity and follow its scope (attachments).
export { onVisibleOpportunity } from './opportunity-scope';
