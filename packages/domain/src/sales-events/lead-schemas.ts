import { z } from 'zod';
import {
  countryCodeSchema,
  creditCodeSchema,
  optionalEmail,
  optionalPhone,
  optionalText,
  unlocodeSchema,
} from '../customers/customer-schemas';
import { moneyJsonSchema } from '../money/money-schemas';
import { transportModeInputSchema } from '../opportunities/opportunity-schemas';
import { listQuerySchema } from '../platform/pagination';

/**
 * The quick lead form at an event: the company (found by credit code or normalised name, else
 * created as a prospect), the person met, and optionally the lane they asked about, which becomes
 * an inquiry (and so an opportunity attributed to the event).
 */
export const captureLeadInputSchema = z
  .object({
    companyName: z.string().trim().min(1).max(200),
    creditCode: creditCodeSchema,
    country: countryCodeSchema.nullable().optional(),
    contactName: optionalText(100),
    /** The contact's phone and email; without a contact name they are the company's. */
    phone: optionalPhone,
    email: optionalEmail,
    lane: z
      .object({ pol: unlocodeSchema, pod: unlocodeSchema, mode: transportModeInputSchema })
      .strict()
      .nullable()
      .optional(),
    /** What they asked, kept on the inquiry. */
    message: optionalText(2000),
    note: optionalText(2000),
  })
  .strict();
export type CaptureLeadInput = z.infer<typeof captureLeadInputSchema>;

/** What the capturer entered for a company they may not read, for its owner to follow up. */
export const leadHandoverSchema = z.object({
  contactName: z.string().nullable(),
  /** Masked without personalData.read for the company. */
  phone: z.string().nullable(),
  email: z.string().nullable(),
  lane: z.object({ pol: z.string(), pod: z.string(), mode: z.string() }).nullable(),
  message: z.string().nullable(),
});
export type LeadHandover = z.infer<typeof leadHandoverSchema>;

/**
 * A lead as the caller may see it. For a company outside the caller's customers.read scope only
 * its name and owner show ("exists, owned by X"): no id, code or status, no contact or inquiry, and
 * the lead's own note and entered details only to the colleague who captured it.
 */
export const salesEventLeadSchema = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  /** Null when the caller may not read the company. */
  customerId: z.uuid().nullable(),
  customerCode: z.string().nullable(),
  customerName: z.string(),
  customerStatus: z.string().nullable(),
  /** The company's owner, named only when the caller may not read the company (null: no owner). */
  customerOwnerName: z.string().nullable(),
  /** True when the company was already known (credit code or name matched) and no prospect was created. */
  existingCustomer: z.boolean(),
  contactId: z.uuid().nullable(),
  contactName: z.string().nullable(),
  inquiryId: z.uuid().nullable(),
  opportunityId: z.uuid().nullable(),
  note: z.string().nullable(),
  /** The company was outside the capturer's scope: the lead went to its owner, nothing was written to it. */
  handedOver: z.boolean(),
  handedToName: z.string().nullable(),
  handover: leadHandoverSchema.nullable(),
  capturedBy: z.uuid().nullable(),
  capturedByName: z.string().nullable(),
  capturedAt: z.string(),
});
export type SalesEventLead = z.infer<typeof salesEventLeadSchema>;

export const salesEventLeadListQuerySchema = listQuerySchema;

const moneyOut = moneyJsonSchema;

/** What an event brought: leads, prospects, inquiries, opportunities and won revenue attributed to it. */
export const salesEventReportSchema = z.object({
  eventId: z.uuid(),
  leads: z.number().int(),
  /** Companies that were created as prospects by this event's lead form. */
  newProspects: z.number().int(),
  inquiries: z.number().int(),
  opportunities: z.number().int(),
  openOpportunities: z.number().int(),
  wonOpportunities: z.number().int(),
  lostOpportunities: z.number().int(),
  /** Expected revenue of the won opportunities per currency; null without the `revenue` right at any scope. */
  wonRevenue: z.array(moneyOut).nullable(),
  cost: moneyOut.nullable(),
  /** The cost divided by the leads, in the cost's currency; null without cost or leads. */
  costPerLead: moneyOut.nullable(),
});
export type SalesEventReport = z.infer<typeof salesEventReportSchema>;
