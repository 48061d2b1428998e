/**
 * What other modules may use of the segments module; its manifest is `manifest.ts`
 * (see customers/index.ts for why the two are apart).
 */

// The members of a saved segment, within the caller's customers scope.
export { findSegmentMembers, segmentCustomerIds, segmentMemberWhere, withinSegment } from './segments';
