import { z } from 'zod';
import { unlocodeSchema } from '../customers/customer-schemas';
import { listQuerySchema } from '../platform/pagination';
import { opportunityVolumeSchema, transportModeInputSchema } from './opportunity-schemas';

/** How a customer asked when someone takes the inquiry and logs it in the console (a WeChat message, a call). */
export const loggedInquiryChannels = ['wechat', 'wecom', 'phone', 'email', 'visit'] as const;
export type LoggedInquiryChannel = (typeof loggedInquiryChannels)[number];

/** Where an inquiry came in. */
export const inquiryChannels = ['api', 'console', 'portal', 'web_form', 'event', ...loggedInquiryChannels] as const;
export type InquiryChannel = (typeof inquiryChannels)[number];

/** A customer's price inquiry for a lane (or a new service). */
export const createInquiryInputSchema = z
  .object({
    customerId: z.uuid(),
    contactId: z.uuid().nullable().optional(),
    pol: unlocodeSchema,
    pod: unlocodeSchema,
    mode: transportModeInputSchema,
    message: z
      .string()
      .trim()
      .max(5000)
      .transform((v) => (v === '' ? null : v))
      .nullable()
      .optional(),
    volume: opportunityVolumeSchema.nullable().optional(),
    channel: z
      .enum(loggedInquiryChannels)
      .optional()
      .describe(
        'How the customer asked, for an inquiry a person took by WeChat, phone, email or a visit; left out: console for a signed-in user, api for a key',
      ),
  })
  .strict();
export type CreateInquiryInput = z.infer<typeof createInquiryInputSchema>;

export const inquirySchema = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  customerName: z.string(),
  contactId: z.uuid().nullable(),
  pol: z.string(),
  pod: z.string(),
  mode: z.string(),
  message: z.string().nullable(),
  volume: z.record(z.string(), z.number()).nullable(),
  /** The opportunity the inquiry was attached to, or that it opened. */
  opportunityId: z.uuid(),
  openedOpportunity: z.boolean(),
  channel: z.string(),
  salesEventId: z.uuid().nullable(),
  createdBy: z.uuid().nullable(),
  createdAt: z.string(),
});
export type Inquiry = z.infer<typeof inquirySchema>;

export const inquiryListQuerySchema = listQuerySchema.extend({
  customerId: z.uuid().optional(),
  opportunityId: z.uuid().optional(),
  salesEventId: z.uuid().optional(),
});
export type InquiryListQuery = z.infer<typeof inquiryListQuerySchema>;
