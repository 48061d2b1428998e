import { z } from 'zod';
import { listQuerySchema } from '../platform/pagination';

/** Notes on a customer: free text with @mentions of colleagues, who are notified. */
export const noteBodyMaxLength = 5000;
export const noteMentionsMax = 20;

export const noteInputSchema = z.object({
  body: z.string().trim().min(1).max(noteBodyMaxLength),
  /** Users mentioned with @; only colleagues who can see the customer may be mentioned. */
  mentions: z.array(z.uuid()).max(noteMentionsMax).default([]),
});
export const createNoteInputSchema = noteInputSchema;
export type CreateNoteInput = z.infer<typeof createNoteInputSchema>;
export const updateNoteInputSchema = noteInputSchema.partial();
export type UpdateNoteInput = z.infer<typeof updateNoteInputSchema>;

export const userRefSchema = z.object({ id: z.uuid(), name: z.string() });
export type UserRef = z.infer<typeof userRefSchema>;
/** Colleagues who may be mentioned in a customer's notes (not paged: the first `limit`). */
export const mentionableUsersSchema = z.object({ items: z.array(userRefSchema) });

export const noteSchema = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  authorId: z.uuid().nullable(),
  authorName: z.string().nullable(),
  body: z.string(),
  mentions: z.array(userRefSchema),
  /** Whether the caller may edit / delete this note (edit is for its author by default). */
  canUpdate: z.boolean(),
  canDelete: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Note = z.infer<typeof noteSchema>;

export const noteListQuerySchema = listQuerySchema;
export const mentionableQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/**
 * Attachments: business licence, contract scans and other files on a customer, one of its contacts or
 * opportunities; `monthly_settlement_agreement` 月结协议, `seal_specimen` 印鉴样本, `power_of_attorney` 委托书.
 */
export const attachmentKinds = [
  'business_licence',
  'contract',
  'monthly_settlement_agreement',
  'seal_specimen',
  'power_of_attorney',
  'other',
] as const;
/** What an attachment is on: the customer itself, one of its contacts or one of its opportunities. */
export const attachmentOwners = ['customer', 'contact', 'opportunity'] as const;
export type AttachmentOwner = (typeof attachmentOwners)[number];
export type AttachmentKind = (typeof attachmentKinds)[number];
export const attachmentDescriptionMaxLength = 500;

export const attachmentFieldsSchema = z.object({
  kind: z.enum(attachmentKinds).default('other'),
  description: z.string().trim().max(attachmentDescriptionMaxLength).optional(),
});

export const attachmentSchema = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  /** Set when the file is on one of the customer's contacts. */
  contactId: z.uuid().nullable(),
  /** Set when the file is on one of the customer's opportunities. */
  opportunityId: z.uuid().nullable(),
  kind: z.enum(attachmentKinds),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  description: z.string().nullable(),
  uploadedBy: z.uuid().nullable(),
  uploaderName: z.string().nullable(),
  canDelete: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;
export const attachmentListQuerySchema = listQuerySchema;

/** The signed-in user's notifications, rendered in the request's language. */
export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.uuid().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof notificationSchema>;
export const notificationListQuerySchema = listQuerySchema.extend({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
export const unreadCountSchema = z.object({ count: z.number().int() });
export const readAllResultSchema = z.object({ updated: z.number().int() });
