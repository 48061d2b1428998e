import type { CaptureLeadInput, SalesEventLead } from '@berth/domain';
import { nameKeys } from '@berth/domain/customers/name-keys';
import { sql } from 'drizzle-orm';
import { AppError } from '../../platform/app-error';
import { recordEvent } from '../../platform/audit';
import { type Ctx, inTransaction } from '../../platform/context';
import { contactNamed, createProspect, type DuplicateMatch, matchDuplicateCustomers } from '../customers';
import { createInquiry } from '../opportunities';
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
  const contactId = input.contactName
    ? await contactNamed(
        ctx,
        customerId,
        {
          name: input.contactName,
          phones: input.phone ? [input.phone] : [],
          emails: input.email ? [input.email] : [],
        },
        isNew,
      )
    : null;
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
    // The phone and email given belong to the person met when one is named, else to the company.
    const companyReach = !input.contactName;
    const customerId =
      known?.customer.id ??
      (await createProspect(tx, {
        name: input.companyName,
        creditCode: input.creditCode ?? null,
        country: input.country ?? null,
        phone: companyReach ? (input.phone ?? null) : null,
        email: companyReach ? (input.email ?? null) : null,
      }));
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
