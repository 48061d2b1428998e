import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import { contactSearchText } from './contact-access';
import { contacts } from './tables';

export interface MetPerson {
  name: string;
  phones: string[];
  emails: string[];
}

/**
 * The person met at a company: an active contact of the customer with that name, else a new one
 * (the primary contact of a customer just created). Returns the contact's id.
 */
export async function contactNamed(
  ctx: Ctx,
  customerId: string,
  person: MetPerson,
  newCustomer: boolean,
): Promise<string> {
  if (!newCustomer) {
    const [same] = await ctx.db
      .select({ id: contacts.id })
      .from(contacts)
      .where(
        and(
          eq(contacts.orgId, ctx.orgId),
          eq(contacts.customerId, customerId),
          eq(contacts.status, 'active'),
          sql`lower(${contacts.name}) = lower(${person.name})`,
        ),
      )
      .limit(1);
    if (same) return same.id;
  }
  const [row] = await ctx.db
    .insert(contacts)
    .values({ orgId: ctx.orgId, customerId, ...person, isPrimary: newCustomer, ...contactSearchText(person) })
    .returning({ id: contacts.id });
  return (row as { id: string }).id;
}
