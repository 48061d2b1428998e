import { z } from 'zod';
import { listQuerySchema } from '../platform/pagination';
import { emailFormat, phoneSchema } from './customer-schemas';

/** How a contact prefers to be reached; `wechat` is personal WeChat (微信), `wecom` WeChat Work (企业微信). */
export const contactChannels = ['phone', 'email', 'wechat', 'wecom', 'visit'] as const;

const emailItem = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .refine((v) => emailFormat.safeParse(v).success, { message: 'customer.email_invalid' });

export const contactFieldsSchema = z.object({
  customerId: z.uuid(),
  name: z.string().trim().min(1).max(100),
  title: z.string().trim().max(100).nullable().optional(),
  phones: z.array(phoneSchema).max(10).default([]),
  emails: z.array(emailItem).max(10).default([]),
  wechat: z.string().trim().max(100).nullable().optional(),
  birthday: z.iso.date().nullable().optional(),
  isPrimary: z.boolean().default(false),
  preferredChannel: z.enum(contactChannels).nullable().optional(),
  marketingConsent: z.boolean().default(false),
});
export const createContactInputSchema = contactFieldsSchema;
export type CreateContactInput = z.infer<typeof createContactInputSchema>;

/** Moving a contact to another customer is a change of `customerId`; `status: left` keeps the history. */
export const updateContactInputSchema = contactFieldsSchema
  .extend({
    phones: z.array(phoneSchema).max(10),
    emails: z.array(emailItem).max(10),
    isPrimary: z.boolean(),
    marketingConsent: z.boolean(),
    status: z.enum(['active', 'left']),
  })
  .partial()
  .strict();
export type UpdateContactInput = z.infer<typeof updateContactInputSchema>;

export const contactSchema = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  name: z.string(),
  title: z.string().nullable(),
  /** Masked (e.g. +86138****8000) for roles without the right to see personal data. */
  phones: z.array(z.string()),
  emails: z.array(z.string()),
  wechat: z.string().nullable(),
  birthday: z.string().nullable(),
  masked: z.boolean(),
  isPrimary: z.boolean(),
  preferredChannel: z.string().nullable(),
  marketingConsent: z.boolean(),
  status: z.enum(['active', 'left']),
  leftAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Contact = z.infer<typeof contactSchema>;

export const contactListQuerySchema = listQuerySchema.extend({
  customerId: z.uuid().optional(),
  q: z.string().trim().max(100).optional(),
  status: z.enum(['active', 'left']).optional(),
});

export const tagSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  color: z.string(),
  group: z.string().nullable(),
  customerCount: z.number().int(),
  version: z.number().int(),
});
export type Tag = z.infer<typeof tagSchema>;
export const tagColors = [
  'blue',
  'green',
  'red',
  'orange',
  'gold',
  'purple',
  'cyan',
  'magenta',
  'geekblue',
  'lime',
  'volcano',
] as const;
export const createTagInputSchema = z.object({
  name: z.string().trim().min(1).max(50),
  color: z.enum(tagColors).default('blue'),
  group: z.string().trim().max(50).nullable().optional(),
});
export const updateTagInputSchema = createTagInputSchema.partial().strict();
export const bulkTagInputSchema = z.object({
  customerIds: z.array(z.uuid()).min(1).max(1000),
  add: z.array(z.uuid()).max(50).default([]),
  remove: z.array(z.uuid()).max(50).default([]),
});

export const bulkTagResultSchema = z.object({ updated: z.number().int(), skipped: z.number().int() });

export const timelineEntrySchema = z.object({
  id: z.uuid(),
  at: z.string(),
  kind: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])).nullable(),
  meta: z.record(z.string(), z.unknown()).nullable(),
  /**
   * The customers the entry names by id (a record moved from one customer to another, the record a customer was
   * merged into or from), by code and name: those the caller may read, and those merged into this customer.
   */
  customers: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })).optional(),
});
