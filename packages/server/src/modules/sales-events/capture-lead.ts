import type { CaptureLeadInput, SalesEventLead } from '@berth/domain';
import { nameKeys } from '@berth/domain/customers/name-keys';
import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../platform/app-error';
import { recordEvent } from '../../platform/audit';
import { type Ctx, can, inTransaction } from '../../platform/context';
import { teamOfUser } from '../customers/assert-customer-assignment';
import { contactSearchText } from '../customers/contact-access';
import { mapCustomerWriteErrors } from '../customers/create-customer';
import { customerKeys } from '../customers/customer-search-keys';
import { type DuplicateMatch, matchDuplicateCustomers } from '../customers/find-duplicate-customers';
import { nextCustomerCode } from '../customers/next-customer-code';
import { contacts, customers } from '../customers/tables';
import { createInquiry } from '../opportunities/inquiries';
import { handOver } from './hand-over-lead';
import { selectLeads, toLead } from './lead-dto';
import { eventForParticipantWork } from './sales-event-scope';
import { salesEventLeads } from './tables';

/**
 * The company of a lead, if the organisation knows it already: the duplicate finder's candidates
 * narrowed to an exact match — same credit code, or the same normalised name — whether or not the
 * capturer may read it. Looser matches (similar names, same phone) are left for the duplicate
 * review, not merged into silently.
 */
async function knownCompany(ctx: Ctx, input: CaptureLeadInput): Promise<DuplicateMatch | null> {
  const candidates = await matchDuplicateCustomers(ctx, {
    name: input.companyName,
    creditCode: input.creditCode ?? undefined,
  });
  const byCreditCode = candidates.find((c) => c.reasons.includes('credit_code'));
  if (byCreditCode) return byCreditCode;
  const key = nameKeys(input.companyName).normalized;
  return candidates.find((c) => c.reasons.includes('name') && nameKeys(c.customer.name).normalized === key) ?? null;
}

/** A new prospect: owned by the capturer when they may own customers (sales), else unassigned for a manager to hand out. */
async function createProspect(ctx: Ctx, input: CaptureLeadInput, contactGetsPhone: boolean): Promise<string> {
  const ownerId = ctx.userId && can(ctx, 'customers', 'create') ? ctx.userId : null;
  const code = await nextCustomerCode(ctx);
  const phone = contactGetsPhone ? null : (input.phone ?? null);
  const email = contactGetsPhone ? null : (input.email ?? null);
  const [row] = await ctx.db
    .insert(customers)
    .values({
      orgId: ctx.orgId,
      code,
      name: input.companyName,
      creditCode: input.creditCode ?? null,
      country: input.country ?? null,
      phone,
      email,
      status: 'prospect',
      ownerId,
      teamId: await teamOfUser(ctx, ownerId),
      tradeProfile: { commodities: [], preferredModes: [] },
      billing: {},
      ...customerKeys({ code, name: input.companyName, creditCode: input.creditCode, phone, email }),
    })
    .returning({ id: customers.id })
    .catch(mapCustomerWriteErrors);
  return (row as { id: string }).id;
}

/** The person met: an active contact of the company with that name, else a new one. */
async function contactFor(ctx: Ctx, customerId: string, input: CaptureLeadInput, isNew: boolean) {
  if (!input.contactName) return null;
  if (!isNew) {
    const [same] = await ctx.db
      .select({ id: contacts.id })
      .from(contacts)
      .where(
        and(
          eq(contacts.orgId, ctx.orgId),
          eq(contacts.customerId, customerId),
          eq(contacts.status, 'active'),
          sql`lower(${contacts.name}) = lower(${input.contactName})`,
        ),
      )
      .limit(1);
    if (same) return same.id;
  }
  const person = {
    name: input.contactName,
    phones: input.phone ? [input.phone] : [],
    emails: input.email ? [input.email] : [],
  };
  const [row] = await ctx.db
    .insert(contacts)
    .values({ orgId: ctx.orgId, customerId, ...person, isPrimary: isNew, ...contactSearchText(person) })
    .returning({ id: contacts.id });
  return (row as { id: string }).id;
}

/**
 * The lead form is authorised by the event: a participant records the inquiry of a company they met
 * and may read, also one a colleague owns. createInquiry applies the caller's own inquiries.create scope
 * only to calls that carry it (the API); this call goes as the event's channel without it.
 */
function asEventChannel(ctx: Ctx): Ctx {
  const { inquiries: _scope, ...permissions } = ctx.permissions;
  return { ...ctx, permissions };
}

/** Records the lead for a company the capturer may read or has just created: contact, inquiry, lead. */
async function attach(
  ctx: Ctx,
  eventId: string,
  customerId: string,
  isNew: boolean,
  input: CaptureLeadInput,
): Promise<string> {
  const contactId = await contactFor(ctx, customerId, input, isNew);
  const inquiry = input.lane
    ? await createInquiry(
        asEventChannel(ctx),
        { customerId, contactId, ...input.lane, message: input.message ?? null },
        { channel: 'event', salesEventId: eventId },
      )
    : null;
  const [lead] = await ctx.db
    .insert(salesEventLeads)
    .values({
      orgId: ctx.orgId,
      eventId,
      customerId,
      contactId,
      inquiryId: inquiry?.id ?? null,
      note: input.note ?? null,
      capturedBy: ctx.userId,
    })
    .returning({ id: salesEventLeads.id });
  return (lead as { id: string }).id;
}

/**
 * The quick lead form: in one transaction, finds the company or creates it as a prospect, records
 * the contact, opens (or joins) an opportunity through an inquiry when a lane was named, and logs
 * the lead on the customer's timeline. A company the capturer may not read is handed to its owner
 * instead (see handOver). Participants and those who may edit the event capture leads.
 */
export async function captureLead(ctx: Ctx, eventId: string, input: CaptureLeadInput): Promise<SalesEventLead> {
  return inTransaction(ctx, async (tx) => {
    const event = await eventForParticipantWork(tx, eventId, false);
    // Two people capturing the same new company at once must not create it twice.
    const key = nameKeys(input.companyName).normalized || input.companyName;
    await tx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`lead:${tx.orgId}:${key}`}))`);
    const known = await knownCompany(tx, input);
    const handedOver = !!known && !known.readable;
    const customerId = known?.customer.id ?? (await createProspect(tx, input, !!input.contactName));
    const leadId =
      known && handedOver
        ? await handOver(tx, event, known, input)
        : await attach(tx, eventId, customerId, !known, input);
    await recordEvent(tx, {
      action: 'create',
      entity: 'sales_event_leads',
      entityId: leadId,
      meta: {
        eventId,
        event: event.name,
        customerId,
        existingCustomer: !!known,
        ...(handedOver ? { handedTo: known.customer.ownerId } : {}),
      },
    });
    const [row] = await selectLeads(tx, sql`l.id = ${leadId}`);
    if (!row) throw AppError.notFound();
    return toLead(tx, row);
  });
}
