import { and, eq, sql } from 'drizzle-orm';
import { can } from '../../platform/context';
import type { AuditTimelineContributor } from '../../platform/module';
import { attachmentsInReadScope } from './attachments';
import { attachments } from './tables';

/** Files added to and removed from the customer, by the attachments read rule. */
export const attachmentTimeline: AuditTimelineContributor = {
  from: 'audit',
  entity: 'attachments',
  kind: 'attachment',
  softDelete: true,
  visibleIds: (ctx, customerId) =>
    can(ctx, 'attachments', 'read')
      ? ctx.db
          .select({ id: sql`${attachments.id}::text` })
          .from(attachments)
          .where(and(attachmentsInReadScope(ctx), eq(attachments.customerId, customerId)))
          .getSQL()
      : null,
};
