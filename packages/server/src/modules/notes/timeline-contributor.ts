import { and, eq, sql } from 'drizzle-orm';
import type { AuditTimelineContributor } from '../../platform/module';
import { notesInReadScope } from './notes';
import { notes } from './tables';

/** Notes on the customer, including edits and deletions, by the notes read rule. */
export const noteTimeline: AuditTimelineContributor = {
  from: 'audit',
  entity: 'notes',
  kind: 'note',
  softDelete: true,
  readPermission: 'notes',
  visibleIds: (ctx, customerId) =>
    ctx.db
      .select({ id: sql`${notes.id}::text` })
      .from(notes)
      .where(and(notesInReadScope(ctx), eq(notes.customerId, customerId)))
      .getSQL(),
};
