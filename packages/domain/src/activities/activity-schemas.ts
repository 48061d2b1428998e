import { z } from 'zod';
import { listQuerySchema } from '../platform/pagination';

/**
 * Calls, emails, meetings, visits and chats with a customer, optionally about one of its opportunities.
 * `wechat` is a chat on personal WeChat (微信), `wecom` one on WeChat Work (企业微信): forwarders use
 * both, and they differ in what the company keeps — a WeCom conversation and its customer stay with
 * the company when the rep leaves and can be archived, a personal WeChat one does not — so managers
 * count them apart. Both are "WeChat" to a filter that asks for `wechat,wecom`.
 */
export const activityKinds = ['call', 'email', 'meeting', 'visit', 'wechat', 'wecom'] as const;
export type ActivityKind = (typeof activityKinds)[number];

export const activitySubjectMaxLength = 200;
export const activityMinutesMaxLength = 20_000;
export const activityOutcomeMaxLength = 500;
export const activityParticipantsMax = 50;
/** Longest activity that can be logged: a day-long visit. */
export const activityDurationMaxMinutes = 24 * 60;

const earliest = Date.UTC(1970, 0, 1);
const latest = Date.UTC(2200, 0, 1);

/** A moment with its offset, within the years a CRM record can sensibly have. */
export const timestampInputSchema = z.iso.datetime({ offset: true }).refine((value) => {
  const at = Date.parse(value);
  return at >= earliest && at < latest;
}, 'validation.invalid_value');

export const activityParticipantsInputSchema = z.object({
  /** Colleagues who took part. */
  userIds: z.array(z.uuid()).max(activityParticipantsMax).default([]),
  /** The customer's people who took part: contacts of the activity's customer only. */
  contactIds: z.array(z.uuid()).max(activityParticipantsMax).default([]),
});

const activityFields = {
  kind: z.enum(activityKinds),
  /** Optional: without one the activity is shown under a subject made from its kind, counterpart and notes. */
  subject: z.string().trim().max(activitySubjectMaxLength).nullable().optional(),
  occurredAt: timestampInputSchema,
  durationMinutes: z.number().int().min(0).max(activityDurationMaxMinutes).nullable().optional(),
  /** An opportunity of the same customer that the activity is about. */
  opportunityId: z.uuid().nullable().optional(),
  participants: activityParticipantsInputSchema.optional(),
  /** Notes or minutes of the call or meeting. */
  minutes: z.string().trim().max(activityMinutesMaxLength).nullable().optional(),
  outcome: z.string().trim().max(activityOutcomeMaxLength).nullable().optional(),
};

/** The next step agreed in the activity: a task for the caller (or a colleague), made in the same transaction. */
export const activityNextTaskInputSchema = z
  .object({
    title: z.string().trim().min(1).max(activitySubjectMaxLength),
    dueAt: timestampInputSchema,
    /** Defaults to the caller; otherwise within the caller's tasks scope. */
    assigneeId: z.uuid().optional(),
  })
  .strict();
export type ActivityNextTaskInput = z.infer<typeof activityNextTaskInputSchema>;

export const createActivityInputSchema = z
  .object({
    ...activityFields,
    customerId: z.uuid(),
    /** Linked to the activity's opportunity, or to its customer; if it cannot be made, nothing is saved. */
    nextTask: activityNextTaskInputSchema.nullable().optional(),
  })
  .strict()
  .describe('Logging an activity counts as a follow-up on the customer and as activity on the opportunity');
export type CreateActivityInput = z.infer<typeof createActivityInputSchema>;

/** The customer of an activity stays; everything else can be corrected. */
export const updateActivityInputSchema = z.object(activityFields).partial().strict();
export type UpdateActivityInput = z.infer<typeof updateActivityInputSchema>;

export const namedRefSchema = z.object({ id: z.uuid(), name: z.string() });
export type NamedRef = z.infer<typeof namedRefSchema>;

export const activitySchema = z.object({
  id: z.uuid(),
  kind: z.enum(activityKinds),
  /** What was entered; null when the activity was logged without a subject. */
  subject: z.string().nullable(),
  /** The subject, or one made from kind, counterpart and notes in the reader's language. */
  displaySubject: z.string(),
  occurredAt: z.string(),
  durationMinutes: z.number().int().nullable(),
  customerId: z.uuid(),
  customerName: z.string(),
  opportunityId: z.uuid().nullable(),
  opportunityTitle: z.string().nullable(),
  participants: z.object({ users: z.array(namedRefSchema), contacts: z.array(namedRefSchema) }),
  minutes: z.string().nullable(),
  outcome: z.string().nullable(),
  /** Who logged it. */
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  canUpdate: z.boolean(),
  canDelete: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The task made from the activity's next step (only in the answer to the create that made it). */
  nextTaskId: z.uuid().optional(),
});
export type Activity = z.infer<typeof activitySchema>;

const activityKindFilterSchema = z
  .string()
  .transform((value) => [...new Set(value.split(',').map((k) => k.trim()))])
  .pipe(z.array(z.enum(activityKinds)).min(1));

/** Newest first by when they happened. */
export const activityListQuerySchema = listQuerySchema.extend({
  customerId: z.uuid().optional(),
  opportunityId: z.uuid().optional(),
  ownerId: z.uuid().optional(),
  /** One kind, or several separated by commas (`wechat,wecom`: every WeChat conversation). */
  kind: activityKindFilterSchema.optional(),
  from: timestampInputSchema.optional(),
  to: timestampInputSchema.optional(),
});
export type ActivityListQuery = z.infer<typeof activityListQuerySchema>;

/** How many activities of each kind match the list's filters (without its paging and kind filter). */
export const activityCountsQuerySchema = activityListQuerySchema.omit({ cursor: true, limit: true, kind: true });
export type ActivityCountsQuery = z.infer<typeof activityCountsQuerySchema>;
export const activityCountsSchema = z.object({
  /** Every kind, in the order of `activityKinds`, zero included. */
  byKind: z.array(z.object({ kind: z.enum(activityKinds), count: z.number().int() })),
  total: z.number().int(),
});
export type ActivityCounts = z.infer<typeof activityCountsSchema>;
