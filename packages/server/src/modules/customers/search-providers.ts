import { customerListQuerySchema, type SearchHit } from '@berth/domain';
import { and, desc } from 'drizzle-orm';
import type { SearchProvider } from '../../platform/module';
import { contactsInScope, customerOfContact } from './contact-access';
import { contactSearchMatch } from './customer-search';
import { searchNeedle } from './customer-search-keys';
import { findCustomers } from './find-customers';
import { contacts, customers } from './tables';

/**
 * Customers in the global search: the customer list's own search (code, names, pinyin, initials, credit code,
 * company phone and email, contacts' names, and contacts' personal data only where the caller sees it unmasked),
 * within the caller's scope, newest first.
 */
export const customerSearchProvider: SearchProvider = {
  kind: 'customer',
  resource: 'customers',
  search: async (ctx, text, limit) => {
    const page = await findCustomers(ctx, customerListQuerySchema.parse({ q: text, limit }));
    const items = page.items.map(
      (c): SearchHit => ({
        kind: 'customer',
        id: c.id,
        title: c.name,
        subtitle: [c.code, c.nameEn].filter(Boolean).join(' · '),
        customerId: c.id,
      }),
    );
    return { items, more: page.nextCursor !== null };
  },
};

/**
 * Contacts in the global search: the contact list's rule (names for anyone who reads the contact, phones, emails
 * and WeChat only where the caller sees them unmasked), within the contacts scope of the contact's customer. A hit
 * shows the name, job title and company, never personal data.
 */
export const contactSearchProvider: SearchProvider = {
  kind: 'contact',
  resource: 'contacts',
  search: async (ctx, text, limit) => {
    const needle = searchNeedle(text);
    if (!needle) return { items: [], more: false };
    const rows = await ctx.db
      .select({
        id: contacts.id,
        name: contacts.name,
        title: contacts.title,
        customerId: contacts.customerId,
        customerName: customers.name,
      })
      .from(contacts)
      .innerJoin(customers, customerOfContact)
      .where(and(contactsInScope(ctx, 'read'), contactSearchMatch(ctx, needle)))
      .orderBy(desc(contacts.id))
      .limit(limit + 1);
    const items = rows.slice(0, limit).map(
      (r): SearchHit => ({
        kind: 'contact',
        id: r.id,
        title: r.name,
        subtitle: [r.title, r.customerName].filter(Boolean).join(' · '),
        customerId: r.customerId,
      }),
    );
    return { items, more: rows.length > limit };
  },
};
