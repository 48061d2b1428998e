import type { Contact, CreateContactInput, contactListQuerySchema, Page, UpdateContactInput } from '@berth/domain';
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../platform/app-error';
import { recordEvent } from '../../platform/audit';
import { type Ctx, inTransaction, requireScope } from '../../platform/context';
import { scopeWhere } from '../../platform/data-scope';
import { emit } from '../../platform/events';
import { assertWritableFields } from '../../platform/field-access';
import { afterCursor, orderByKeyset, toPage } from '../../platform/http/keyset';
import { updateVersioned } from '../../platform/versioned-write';
import { contactsInScope, customerOfContact, maskEmail, maskPhone, seesPersonalData } from './contact-access';
import {
  type ContactRow,
  contactPatch,
  customersWithoutPrimary,
  keepSinglePrimary,
  newContactValues,
} from './contact-row';
import { contactSearchMatch } from './customer-search';
import { searchNeedle } from './customer-search-keys';
import { contacts, customers } from './tables';

type Owner = { ownerId: string | null; teamId: string | null };

function toContact(ctx: Ctx, row: ContactRow, owner: Owner): Contact {
  const visible = seesPersonalData(ctx, owner);
  return {
    id: row.id,
    customerId: row.customerId,
    name: row.name,
    title: row.title,
    phones: visible ? row.phones : row.phones.map(maskPhone),
    emails: visible ? row.emails : row.emails.map(maskEmail),
    wechat: visible ? row.wechat : row.wechat ? '****' : null,
    birthday: visible ? row.birthday : null,
    masked: !visible,
    isPrimary: row.isPrimary,
    preferredChannel: row.preferredChannel,
    marketingConsent: row.marketingConsent,
    status: row.status === 'left' ? 'left' : 'active',
    leftAt: row.leftAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** Reading unmasked personal data is audited, once per request. */
async function auditReveal(ctx: Ctx, items: Contact[]): Promise<void> {
  const revealed = items.filter((c) => !c.masked && (c.phones.length > 0 || c.emails.length > 0 || c.birthday));
  if (revealed.length === 0) return;
  await recordEvent(ctx, {
    action: 'read_personal_data',
    entity: 'contacts',
    entityId: revealed.length === 1 ? (revealed[0] as Contact).id : null,
    meta: { contactIds: revealed.slice(0, 100).map((c) => c.id), count: revealed.length },
  });
}

export async function findContacts(ctx: Ctx, query: z.infer<typeof contactListQuerySchema>): Promise<Page<Contact>> {
  const keyset = { sort: contacts.id, id: contacts.id, direction: 'asc' as const, cursor: query.cursor };
  const needle = query.q ? searchNeedle(query.q) : '';
  const conditions: (SQL | undefined)[] = [
    contactsInScope(ctx, 'read'),
    afterCursor(keyset),
    query.customerId ? eq(contacts.customerId, query.customerId) : undefined,
    query.status ? eq(contacts.status, query.status) : undefined,
    needle ? contactSearchMatch(ctx, needle) : undefined,
  ];
  const rows = await ctx.db
    .select({ contact: contacts, ownerId: customers.ownerId, teamId: customers.teamId })
    .from(contacts)
    .innerJoin(customers, customerOfContact)
    .where(and(...conditions))
    .orderBy(...orderByKeyset(keyset))
    .limit(query.limit + 1);
  const page = toPage(
    rows,
    query.limit,
    (r) => [r.contact.id, r.contact.id],
    (r) => toContact(ctx, r.contact, r),
  );
  await auditReveal(ctx, page.items);
  return page;
}

export async function getContact(ctx: Ctx, id: string): Promise<Contact> {
  const [row] = await ctx.db
    .select({ contact: contacts, ownerId: customers.ownerId, teamId: customers.teamId })
    .from(contacts)
    .innerJoin(customers, customerOfContact)
    .where(and(contactsInScope(ctx, 'read'), eq(contacts.id, id)));
  if (!row) throw AppError.notFound();
  const contact = toContact(ctx, row.contact, row);
  await auditReveal(ctx, [contact]);
  return contact;
}

/** The customer a contact is written under must be within the actor's contact scope for that action. */
async function customerForContact(ctx: Ctx, customerId: string, action: 'create' | 'update'): Promise<Owner> {
  const customer = await customerInContactScope(ctx, customerId, action);
  if (!customer) throw AppError.validation('customerId', 'reference.invalid');
  return customer;
}

async function customerInContactScope(ctx: Ctx, customerId: string, action: string): Promise<Owner | undefined> {
  const [customer] = await ctx.db
    .select({ ownerId: customers.ownerId, teamId: customers.teamId })
    .from(customers)
    .where(
      and(
        scopeWhere(ctx, 'contacts', action, {
          orgId: customers.orgId,
          owner: customers.ownerId,
          team: customers.teamId,
        }),
        eq(customers.id, customerId),
        isNull(customers.mergedIntoId),
      ),
    );
  return customer;
}

/** The contacts of one customer; 404 when the customer is not visible to the actor. */
export async function findCustomerContacts(
  ctx: Ctx,
  customerId: string,
  query: Omit<z.infer<typeof contactListQuerySchema>, 'customerId'>,
): Promise<Page<Contact>> {
  // The page's query holds the customer's scope already: only an empty page asks whether the customer is there.
  const page = await findContacts(ctx, { ...query, customerId });
  if (page.items.length === 0 && !(await customerInContactScope(ctx, customerId, 'read'))) throw AppError.notFound();
  return page;
}

export async function createContact(ctx: Ctx, input: CreateContactInput): Promise<Contact> {
  requireScope(ctx, 'contacts', 'create');
  return inTransaction(ctx, async (tx) => {
    const owner = await customerForContact(tx, input.customerId, 'create');
    // Personal data needs personalData.read on the customer: who may not see it may not set it.
    assertWritableFields(tx, 'contacts', input, [owner], { creating: true });
    const first = !input.isPrimary && (await customersWithoutPrimary(tx, [input.customerId])).size > 0;
    const values = newContactValues(tx, first ? { ...input, isPrimary: true } : input);
    const [row] = await tx.db.insert(contacts).values(values).returning();
    const created = row as ContactRow;
    if (input.isPrimary) await keepSinglePrimary(tx, [created]);
    return toContact(tx, created, owner);
  });
}

export async function updateContact(
  ctx: Ctx,
  id: string,
  expected: number | undefined,
  input: UpdateContactInput,
): Promise<Contact> {
  return inTransaction(ctx, async (tx) => {
    const [current] = await tx.db
      .select({ contact: contacts, ownerId: customers.ownerId, teamId: customers.teamId })
      .from(contacts)
      .innerJoin(customers, customerOfContact)
      .where(and(contactsInScope(tx, 'update'), eq(contacts.id, id)));
    if (!current) throw AppError.notFound();
    const owner = await customerForContact(tx, input.customerId ?? current.contact.customerId, 'update');
    assertWritableFields(tx, 'contacts', input, [current, owner]);
    const patch: Record<string, unknown> = contactPatch(tx, current.contact, input);
    const row = await updateVersioned(
      tx,
      contacts,
      and(eq(contacts.orgId, tx.orgId), eq(contacts.id, id)) as SQL,
      expected,
      patch,
    );
    if (row.isPrimary) await keepSinglePrimary(tx, [row]);
    if (row.customerId !== current.contact.customerId) {
      await emit(tx, 'contact.moved', {
        contactId: row.id,
        fromCustomerId: current.contact.customerId,
        toCustomerId: row.customerId,
      });
    }
    return toContact(tx, row, owner);
  });
}
