import { and, inArray } from 'drizzle-orm';
import type { AuditNamer } from '../../platform/module';
import { attachmentsInReadScope } from './attachments';
import { attachments } from './tables';

/** Attachments by file name, by the attachments read rule. */
export const attachmentAuditNames: AuditNamer = {
  entity: 'attachments',
  resource: 'attachments',
  names: (ctx, ids) =>
    ctx.db
      .select({ id: attachments.id, name: attachments.fileName })
      .from(attachments)
      .where(and(attachmentsInReadScope(ctx), inArray(attachments.id, ids))),
};
