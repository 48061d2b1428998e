import { z } from 'zod';
import { listQuerySchema } from '../platform/pagination';

/** Calls, emails, meetings and visits with a customer, optionally about one of its opportunities. */
export const activityKinds = ['call', 'email', 'meeting', 'visit'] as const;
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
  subject: z.string().trim().min(1).max(activitySubjectMaxLength),
  occurredAt: timestampInputSchema,
  durationMinutes: z.number().int().min(0).max(activityDurationMaxMinutes).nullable().optional(),
  /** An opportunity of the same customer that the activity is about. */
  opportunityId: z.uuid().nullable().optional(),
  participants: activityParticipantsInputSchema.optional(),
  /** Notes or minutes of the call or meeting. */
  minutes: z.string().trim().max(activityMinutesMaxLength).nullable().optional(),
  outcome: z.string().trim().max(activityOutcomeMaxLength).nullable().optional(),
};

export const createActivityInputSchema = z
  .object({ ...activityFields, customerId: z.uuid() })
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
  subject: z.string(),
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
});
export type Activity = z.infer<typeof activitySchema>;

/** Newest first by when they happened. */
export const activityListQuerySchema = listQuerySchema.extend({
  customerId: z.uuid().optional(),
  opportunityId: z.uuid().optional(),
  ownerId: z.uuid().optional(),
  kind: z.enum(activityKinds).optional(),
  from: timestampInputSchema.optional(),
  to: timestampInputSchema.optional(),
});
export type ActivityListQuery = z.infer<typeof activityListQuerySchema>;
