import type { OwnTimelineContributor } from '../../platform/module';
import { auditOfOwnershipChange, ownershipTimeline } from './ownership-log';

/**
 * Ownership changes (claim, release, assign, handover, automatic return, an owner edited) with who
 * and why, in place of the bare owner and pool columns changing in the audit log.
 */
export const ownershipTimelineContributor: OwnTimelineContributor = {
  from: 'own',
  kind: 'ownership',
  entries: (ctx, customerId, page) => ownershipTimeline(ctx, customerId, page.limit, page.before),
  replacesAudit: auditOfOwnershipChange,
};
