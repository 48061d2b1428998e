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
 * A customer's first contact is its primary one: of the customers given, those without a primary contact. The
 * single-contact form and the contact importer mark the first contact they insert for such a customer as primary
 * (set on insert, so the history shows one creation, not a creation and an edit).
 */
export async function customersWithoutPrimary(ctx: Ctx, customerIds: readonly string[]): Promise<Set<string>> {
  if (customerIds.length === 0) return new Set();
  const rows = await queryRows<{ id: string }>(
    ctx.db,
    sql`select c.id from unnest(${arrayParam([...new Set(customerIds)])}::uuid[]) as c(id)
         where not exists (
           select 1 from contacts p where p.org_id = ${ctx.orgId} and p.customer_id = c.id and p.is_primary
         )`,
  );
  return new Set(rows.map((row) => row.id));
}
