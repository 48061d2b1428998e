import { splitStoredPhone, storedPhone } from '@berth/domain';
import { type AnyColumn, and, eq, exists, isNull, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import { type RecordOwner, scopeWhere } from '../../platform/data-scope';
import { maySee } from '../../platform/field-access';
import { contacts, customers } from './tables';

/** Contacts follow their customer's owner and team for data scope; queries join `customers`. */
export function contactsInScope(ctx: Ctx, action: string): SQL {
  return and(
    scopeWhere(ctx, 'contacts', action, { orgId: contacts.orgId, owner: customers.ownerId, team: customers.teamId }),
    isNull(customers.mergedIntoId),
  ) as SQL;
}

export const customerOfContact = and(eq(customers.orgId, contacts.orgId), eq(customers.id, contacts.customerId)) as SQL;

/**
 * For a record hanging off a contact (an attachment): the contact is one the caller may `action` (contacts follow
 * their customer's owner and team). Usable in any WHERE on the record's table.
 */
export function onVisibleContact(ctx: Ctx, record: { orgId: AnyColumn; contactId: AnyColumn }, action = 'read'): SQL {
  return exists(
    ctx.db
      .select({ one: sql`1` })
      .from(contacts)
      .innerJoin(customers, customerOfContact)
      .where(and(eq(contacts.orgId, record.orgId), eq(contacts.id, record.contactId), contactsInScope(ctx, action))),
  );
}

/** Whether the role may see this contact's personal data unmasked (personalData.read, by the customer's owner and team). */
export function seesPersonalData(ctx: Ctx, customer: RecordOwner): boolean {
  return maySee(ctx, 'personalData', customer);
}

/** The number masked (`+86138****8000`); an extension, which says nothing of the person, is kept. */
export function maskPhone(stored: string): string {
  const { e164, extension } = splitStoredPhone(stored);
  const masked = e164.length <= 7 ? '****' : `${e164.slice(0, e164.length - 8)}****${e164.slice(-4)}`;
  return storedPhone(masked, extension);
}

export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

/**
 * A contact's search texts: its normalised name, which anyone who reads the contact may search by,
 * and apart from it the personal data (phones with and without +86, emails, WeChat), which a search
 * matches only for callers who see it unmasked (see customer-search.ts).
 */
export const contactSearchText = (c: { name: string; phones: string[]; emails: string[]; wechat?: string | null }) => ({
  searchText: c.name.normalize('NFKC').toLowerCase(),
  personalSearchText: [...c.phones, ...c.phones.map((p) => p.replace(/^\+86/, '')), ...c.emails, c.wechat]
    .filter(Boolean)
    .join(' | '),
});
