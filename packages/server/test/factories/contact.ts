import type { Contact, createContactInputSchema } from '@berth/domain';
import type { z } from 'zod';
import type { Session, TestApp } from '../harness';
import { created, nextNumber } from './created';

export type ContactFields = Partial<z.input<typeof createContactInputSchema>> & { customerId: string };

export function aContact(t: TestApp, as: Session, fields: ContactFields): Promise<Contact> {
  const body = { name: `Contact ${nextNumber()}`, ...fields };
  return created<Contact>(t.request('POST', '/api/contacts', { as, body }), `contact ${body.name}`);
}
