import type { CaptureLeadInput } from '@berth/domain';
import type { Ctx } from '../../platform/context';
import { emit } from '../../platform/events';
import type { DuplicateMatch } from '../customers';
import type { SalesEventRow } from './sales-event-scope';
import { salesEventLeads } from './tables';

/**
 * A lead for a company outside the capturer's read scope goes to the company's owner: the lead is
 * recorded and linked to the company, what was entered waits on the lead, the owner is notified;
 * no contact, inquiry or anything else is written to the company on the capturer's behalf.
 */
export async function handOver(
  ctx: Ctx,
  event: SalesEventRow,
  company: DuplicateMatch,
  input: CaptureLeadInput,
): Promise<string> {
  const ownerId = company.customer.ownerId;
  const [lead] = await ctx.db
    .insert(salesEventLeads)
    .values({
      orgId: ctx.orgId,
      eventId: event.id,
      customerId: company.customer.id,
      note: input.note ?? null,
      capturedBy: ctx.userId,
      handedToId: ownerId,
      handover: {
        contactName: input.contactName ?? null,
        phone: input.phone ?? null,
        email: input.email ?? null,
        lane: input.lane ?? null,
        message: input.message ?? null,
      },
    })
    .returning({ id: salesEventLeads.id });
  const leadId = (lead as { id: string }).id;
  await emit(ctx, 'sales_event.lead_handed_over', {
    leadId,
    eventId: event.id,
    eventName: event.name,
    customerId: company.customer.id,
    customerName: company.customer.name,
    ownerId,
    contactName: input.contactName ?? null,
  });
  return leadId;
}
