import type { CreateContactInput, UpdateContactInput } from '@berth/domain';
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { arrayParam, queryRows } from '../../db/database';
import type { Ctx } from '../../platform/context';
import { contactSearchText } from './contact-access';
import { contacts } from './tables';

export type ContactRow = typeof contacts.$inferSelect;

/**
 * The row of a new contact from the create input: marketing consent is given now, the search texts
 * are derived. The create use case and the importer both insert with it (the importer names the
 * ids itself, to match later rows of the file against the contacts it makes).
 */
export function newContactValues(ctx: Ctx, input: CreateContactInput, id?: string) {
  return {
    orgId: ctx.orgId,
    ...(id ? { id } : {}),
    customerId: input.customerId,
    name: input.name,
    title: input.title ?? null,
    phones: input.phones,
    emails: input.emails,
    wechat: input.wechat ?? null,
    birthday: input.birthday ?? null,
    isPrimary: input.isPrimary,
    preferredChannel: input.preferredChannel ?? null,
    marketingConsent: input.marketingConsent,
    consentAt: input.marketingConsent ? ctx.clock.now() : null,
    ...contactSearchText(input),
  } satisfies typeof contacts.$inferInsert;
}

/**
 * The columns an edit of a contact changes: the fields it names, the search texts, when the contact
 * left (status `left`), and when consent was given or withdrawn (the time of a change of
 * `marketingConsent`). The update use case and the importer's "update matched" both change
 * contacts with it.
 */
export function contactPatch(ctx: Ctx, current: ContactRow, input: UpdateContactInput): Partial<ContactRow> {
  const next = { ...current, ...input };
  const patch: Partial<ContactRow> = { ...input, ...contactSearchText(next) };
  if (input.status === 'left' && current.status !== 'left') patch.leftAt = ctx.clock.now();
  if (input.status === 'active') patch.leftAt = null;
  if (input.marketingConsent !== undefined && input.marketingConsent !== current.marketingConsent) {
    patch.consentAt = input.marketingConsent ? ctx.clock.now() : null;
  }
  return patch;
}

/**
 * One primary contact per customer: for each customer, the contact given stays primary and the
 * others lose the flag, in one statement. Losing it is not an edit of those contacts: their
 * version stays, so an open edit form of one is not made stale (the audit trigger still logs it).
 */
export async function keepSinglePrimary(ctx: Ctx, primaries: { customerId: string; id: string }[]): Promise<void> {
  if (primaries.length === 0) return;
  await ctx.db
    .update(contacts)
    .set({ isPrimary: false })
    .where(
      and(
        eq(contacts.orgId, ctx.orgId),
        eq(contacts.isPrimary, true),
        inArray(
          contacts.customerId,
          primaries.map((p) => p.customerId),
        ),
        notInArray(
          contacts.id,
          primaries.map((p) => p.id),
        ),
      ),
    );
}

/**
 * A customer's first contact is its primary one: for each customer given that has no primary contact, its
 * earliest active contact becomes primary (the single-contact form, the contact importer and the merge all
 * reach a customer without one). Like losing the flag, gaining it this way is not an edit of the contact.
 */
export async function ensurePrimaryContact(ctx: Ctx, customerIds: readonly string[]): Promise<Set<string>> {
  if (customerIds.length === 0) return new Set();
  const made = await queryRows<{ id: string }>(
    ctx.db,
    sql`
    update contacts c set is_primary = true
      from (
        select distinct on (customer_id) id
          from contacts
         where org_id = ${ctx.orgId} and customer_id = any(${arrayParam([...new Set(customerIds)])}::uuid[])
           and status = 'active'
           and not exists (
             select 1 from contacts p
              where p.org_id = contacts.org_id and p.customer_id = contacts.customer_id and p.is_primary
           )
         order by customer_id, created_at, id
      ) first
     where c.org_id = ${ctx.orgId} and c.id = first.id
    returning c.id`,
  );
  return new Set(made.map((row) => row.id));
}
