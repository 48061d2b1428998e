import { and, inArray, sql } from 'drizzle-orm';
import type { AuditNamer } from '../../platform/module';
import { notesInReadScope } from './notes';
import { notes } from './tables';

/** Notes by the start of their first line, by the notes read rule. */
export const noteAuditNames: AuditNamer = {
  entity: 'notes',
  resource: 'notes',
  names: (ctx, ids) =>
    ctx.db
      .select({ id: notes.id, name: sql<string>`left(split_part(${notes.body}, E'\\n', 1), 40)` })
      .from(notes)
      .where(and(notesInReadScope(ctx), inArray(notes.id, ids))),
};
