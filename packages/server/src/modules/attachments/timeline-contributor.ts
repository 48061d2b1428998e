import { and, eq, sql } from 'drizzle-orm';
import type { AuditTimelineContributor } from '../../platform/module';
import { attachmentsInReadScope } from './attachments';
import { attachments } from './tables';

/** Files added to and removed from the customer, by the attachments read rule. */
export const attachmentTimeline: AuditTimelineContributor = {
  from: 'audit',
  entity: 'attachments',
  kind: 'attachment',
  softDelete: true,
  readPermission: 'attachments',
  visibleIds: (ctx, customerId) =>
    ctx.db
      .select({ id: sql`${attachments.id}::text` })
      .from(attachments)
      .where(and(attachmentsInReadScope(ctx), eq(attachments.customerId, customerId)))
      .getSQL(),
};
