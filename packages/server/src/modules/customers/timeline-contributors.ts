import { and, eq, sql } from 'drizzle-orm';
import type { AuditTimelineContributor } from '../../platform/module';
import { contactsInScope, customerOfContact } from './contact-access';
import { contacts, customers } from './tables';

/** Changes to the customer record and to the records merged into it (the timeline has checked the customer is visible). */
export const customerRecordTimeline: AuditTimelineContributor = {
  from: 'audit',
  entity: 'customers',
  kind: 'customer_change',
  visibleIds: (ctx, customerId) => sql`select ${customerId}::text
    union all
    select m.id::text from customers m where m.org_id = ${ctx.orgId} and m.merged_into_id = ${customerId}`,
};

/** The customer's contacts, by the contacts read rule (contacts follow their customer's owner and team). */
export const contactTimeline: AuditTimelineContributor = {
  from: 'audit',
  entity: 'contacts',
  kind: 'contact_change',
  readPermission: 'contacts',
  visibleIds: (ctx, customerId) =>
    ctx.db
      .select({ id: sql`${contacts.id}::text` })
      .from(contacts)
      .innerJoin(customers, customerOfContact)
      .where(and(contactsInScope(ctx, 'read'), eq(contacts.customerId, customerId)))
      .getSQL(),
};
