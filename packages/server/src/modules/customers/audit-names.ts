import { and, eq, inArray } from 'drizzle-orm';
import type { AuditNamer } from '../../platform/module';
import { contactsInScope, customerOfContact } from './contact-access';
import { customersInScope } from './customer-scope';
import { contacts, customers } from './tables';

/** Customers by code and name, as the customer list shows them to the caller. */
export const customerAuditNames: AuditNamer = {
  entity: 'customers',
  resource: 'customers',
  names: (ctx, ids) =>
    ctx.db
      .select({ id: customers.id, name: customers.name, code: customers.code })
      .from(customers)
      .where(and(customersInScope(ctx, 'read'), inArray(customers.id, ids))),
};

/** Contacts by name (never their phone or e-mail), within the contacts scope. */
export const contactAuditNames: AuditNamer = {
  entity: 'contacts',
  resource: 'contacts',
  names: (ctx, ids) =>
    ctx.db
      .select({ id: contacts.id, name: contacts.name })
      .from(contacts)
      .innerJoin(customers, customerOfContact)
      .where(and(eq(contacts.orgId, ctx.orgId), contactsInScope(ctx, 'read'), inArray(contacts.id, ids))),
};
