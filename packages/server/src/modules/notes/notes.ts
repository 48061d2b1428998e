import type { CreateNoteInput, Note, noteListQuerySchema, Page, UpdateNoteInput, UserRef } from '@berth/domain';
import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { type Ctx, can, inTransaction } from '../../platform/context';
import { emit } from '../../platform/events';
import { afterCursor, orderByKeyset, toPage } from '../../platform/http/keyset';
import { iso, refusedAsForbidden, softDeleteVersioned, updateVersioned } from '../../platform/versioned-write';
import { type CustomerRef, customerFor, onVisibleCustomer } from '../customers';
import { mentionableUsers } from './mentionable-users';
import { notes } from './tables';

type NoteRow = typeof notes.$inferSelect;
const excerptLength = 200;
const noteCols = { orgId: notes.orgId, customerId: notes.customerId, author: notes.authorId };

/** Notes the caller may read, deleted or not (the timeline tells the deletion): on a visible customer, in the notes scope. */
export function notesInReadScope(ctx: Ctx): SQL {
  return and(eq(notes.orgId, ctx.orgId), onVisibleCustomer(ctx, 'notes', noteCols)) as SQL;
}

/** Whether the caller may `action` this note, as a column of the same query (false when the role lacks it). */
function allowed(ctx: Ctx, action: 'update' | 'delete'): SQL<boolean> {
  return can(ctx, 'notes', action)
    ? sql<boolean>`${onVisibleCustomer(ctx, 'notes', noteCols, action)}`
    : sql<boolean>`false`;
}

async function mentionNames(ctx: Ctx, rows: NoteRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => r.mentions))];
  if (ids.length === 0) return new Map();
  const found = await ctx.db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.orgId, ctx.orgId), inArray(users.id, ids)));
  return new Map(found.map((u) => [u.id, u.name]));
}

function toNote(
  row: NoteRow & { authorName: string | null; canUpdate: boolean; canDelete: boolean },
  names: Map<string, string>,
): Note {
  return {
    id: row.id,
    customerId: row.customerId,
    authorId: row.authorId,
    authorName: row.authorName,
    body: row.body,
    mentions: row.mentions.map((id): UserRef => ({ id, name: names.get(id) ?? '' })),
    canUpdate: Boolean(row.canUpdate),
    canDelete: Boolean(row.canDelete),
    version: row.version,
    createdAt: iso(row.createdAt) as string,
    updatedAt: iso(row.updatedAt) as string,
  };
}

function selectNotes(ctx: Ctx, where: SQL | undefined) {
  return ctx.db
    .select({
      note: notes,
      authorName: users.name,
      canUpdate: allowed(ctx, 'update'),
      canDelete: allowed(ctx, 'delete'),
    })
    .from(notes)
    .leftJoin(users, and(eq(users.orgId, notes.orgId), eq(users.id, notes.authorId)))
    .where(and(isNull(notes.deletedAt), notesInReadScope(ctx), where));
}

/** The notes of a customer, newest first. */
export async function findNotes(
  ctx: Ctx,
  customerId: string,
  query: z.infer<typeof noteListQuerySchema>,
): Promise<Page<Note>> {
  await customerFor(ctx, 'notes', 'read', customerId);
  const keyset = { sort: notes.id, id: notes.id, direction: 'desc' as const, cursor: query.cursor };
  const rows = await selectNotes(ctx, and(eq(notes.customerId, customerId), afterCursor(keyset)))
    .orderBy(...orderByKeyset(keyset))
    .limit(query.limit + 1);
  const names = await mentionNames(
    ctx,
    rows.map((r) => r.note),
  );
  return toPage(
    rows,
    query.limit,
    (r) => [r.note.id, r.note.id],
    (r) => toNote({ ...r.note, authorName: r.authorName, canUpdate: r.canUpdate, canDelete: r.canDelete }, names),
  );
}

export async function getNote(ctx: Ctx, id: string): Promise<Note> {
  const [row] = await selectNotes(ctx, eq(notes.id, id));
  if (!row) throw AppError.notFound();
  const names = await mentionNames(ctx, [row.note]);
  return toNote({ ...row.note, authorName: row.authorName, canUpdate: row.canUpdate, canDelete: row.canDelete }, names);
}

/** The mentions must be colleagues who can see the customer (see mentionableUsers); 422 otherwise. */
async function checkMentions(ctx: Ctx, customerId: string, mentions: string[]): Promise<string[]> {
  const wanted = [...new Set(mentions)];
  if (wanted.length === 0) return [];
  const found = await mentionableUsers(ctx, customerId, { ids: wanted, limit: wanted.length });
  const ok = new Set(found.map((u) => u.id));
  const refused = wanted.findIndex((id) => !ok.has(id));
  if (refused >= 0) {
    throw AppError.validation(`mentions.${mentions.indexOf(wanted[refused] as string)}`, 'note.mention_not_allowed');
  }
  return wanted;
}

async function announceMentions(ctx: Ctx, noteId: string, customer: CustomerRef, body: string, userIds: string[]) {
  if (userIds.length === 0) return;
  const excerpt = body.length > excerptLength ? `${body.slice(0, excerptLength - 1)}…` : body;
  await emit(ctx, 'note.mentioned', {
    noteId,
    customerId: customer.id,
    customerName: customer.name,
    excerpt,
    userIds,
  });
}

/**
 * Adds a note, notifies the mentioned colleagues (in-app and by email) and records the follow-up on the customer.
 * The follow-up time is bookkeeping for the pool rules: it does not change the customer's version.
 */
export async function createNote(ctx: Ctx, customerId: string, input: CreateNoteInput): Promise<Note> {
  return inTransaction(ctx, async (tx) => {
    const customer = await customerFor(tx, 'notes', 'create', customerId);
    const mentions = await checkMentions(tx, customerId, input.mentions);
    const [row] = await tx.db
      .insert(notes)
      .values({ orgId: tx.orgId, customerId, authorId: tx.userId, body: input.body, mentions })
      .returning({ id: notes.id });
    const noteId = (row as { id: string }).id;
    await emit(tx, 'note.added', { noteId, customerId, at: tx.clock.now().toISOString() });
    await announceMentions(tx, noteId, customer, input.body, mentions);
    return getNote(tx, noteId);
  });
}

/** The note if the caller can read it (404 otherwise), with its customer. */
async function readableNote(ctx: Ctx, id: string): Promise<{ note: Note; customer: CustomerRef }> {
  const note = await getNote(ctx, id);
  const customer = await customerFor(ctx, 'notes', 'read', note.customerId);
  return { note, customer };
}

/** Edits a note (If-Match); by default only its author may. Newly mentioned colleagues are notified. */
export async function updateNote(
  ctx: Ctx,
  id: string,
  expected: number | undefined,
  input: UpdateNoteInput,
): Promise<Note> {
  return inTransaction(ctx, async (tx) => {
    const { note, customer } = await readableNote(tx, id);
    const mentions =
      input.mentions === undefined ? undefined : await checkMentions(tx, note.customerId, input.mentions);
    const where = and(
      eq(notes.orgId, tx.orgId),
      eq(notes.id, id),
      isNull(notes.deletedAt),
      onVisibleCustomer(tx, 'notes', noteCols, 'update'),
    ) as SQL;
    // The note is readable, so "not found" here means "not yours to edit".
    await updateVersioned(tx, notes, where, expected, {
      ...(input.body !== undefined ? { body: input.body } : {}),
      ...(mentions !== undefined ? { mentions } : {}),
    }).catch(refusedAsForbidden);
    if (mentions) {
      const before = new Set(note.mentions.map((m) => m.id));
      await announceMentions(
        tx,
        id,
        customer,
        input.body ?? note.body,
        mentions.filter((m) => !before.has(m)),
      );
    }
    return getNote(tx, id);
  });
}

/** Deletes a note (If-Match optional). Its row stays, marked deleted, so its history remains on the timeline. */
export async function deleteNote(ctx: Ctx, id: string, expected: number | undefined): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await readableNote(tx, id);
    const where = and(
      eq(notes.orgId, tx.orgId),
      eq(notes.id, id),
      isNull(notes.deletedAt),
      onVisibleCustomer(tx, 'notes', noteCols, 'delete'),
    ) as SQL;
    await softDeleteVersioned(tx, notes, where, expected).catch(refusedAsForbidden);
  });
}
