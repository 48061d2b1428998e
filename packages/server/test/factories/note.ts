import type { createNoteInputSchema, Note } from '@berth/domain';
import type { z } from 'zod';
import type { Session, TestApp } from '../harness';
import { created } from './created';

export type NoteFields = Partial<z.input<typeof createNoteInputSchema>> & { customerId: string };

export function aNote(t: TestApp, as: Session, { customerId, ...fields }: NoteFields): Promise<Note> {
  const body = { body: '客户要求月结', ...fields };
  return created<Note>(t.request('POST', `/api/customers/${customerId}/notes`, { as, body }), 'note');
}
