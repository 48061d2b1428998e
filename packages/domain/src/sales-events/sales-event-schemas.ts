import { z } from 'zod';
import { optionalText } from '../customers/customer-schemas';
import { moneyJsonSchema, storedMoneyInputSchema } from '../money/money-schemas';
import { listQuerySchema } from '../platform/pagination';

/**
 * Sales events (销售活动): customer visits, trade shows and product presentations, with the
 * colleagues taking part, a duty roster, a preparation checklist and the leads captured there.
 * Participants, roster and checklist change the event's version, so one If-Match guards them all.
 */
export const salesEventKinds = ['visit', 'trade_show', 'presentation'] as const;
export type SalesEventKind = (typeof salesEventKinds)[number];

export const salesEventParticipantsMax = 100;
export const salesEventShiftsMax = 500;
export const salesEventChecklistMax = 100;

const earliest = Date.UTC(1970, 0, 1);
const latest = Date.UTC(2200, 0, 1);

/** A moment with its offset, within the years an event can sensibly have. */
export const eventTimeSchema = z.iso.datetime({ offset: true }).refine((value) => {
  const at = Date.parse(value);
  return at >= earliest && at < latest;
}, 'validation.invalid_value');

/** What the event costs the organiser: `{ "amount": "48000.00", "currency": "CNY" }` (a JSON number amount is read too). */
export const eventCostSchema = storedMoneyInputSchema();

const endsAfterStart = (value: { startsAt?: string; endsAt?: string }) =>
  !value.startsAt || !value.endsAt || Date.parse(value.endsAt) > Date.parse(value.startsAt);
const endsAfterStartIssue = { message: 'sales_event.ends_before_start', path: ['endsAt'] };

const salesEventFields = {
  kind: z.enum(salesEventKinds),
  name: z.string().trim().min(1).max(200),
  startsAt: eventTimeSchema,
  endsAt: eventTimeSchema,
  place: optionalText(300),
  description: optionalText(5000),
  cost: eventCostSchema.nullable().optional(),
  /** Defaults to the creator. */
  ownerId: z.uuid().nullable().optional(),
};

export const createSalesEventInputSchema = z
  .object({
    ...salesEventFields,
    /** Colleagues taking part; the owner is not added automatically. */
    participantIds: z.array(z.uuid()).max(salesEventParticipantsMax).default([]),
  })
  .strict()
  .refine(endsAfterStart, endsAfterStartIssue);
export type CreateSalesEventInput = z.infer<typeof createSalesEventInputSchema>;

export const updateSalesEventInputSchema = z
  .object(salesEventFields)
  .partial()
  .strict()
  .refine(endsAfterStart, endsAfterStartIssue);
export type UpdateSalesEventInput = z.infer<typeof updateSalesEventInputSchema>;

export const checklistItemSchema = z.object({
  id: z.uuid(),
  text: z.string(),
  done: z.boolean(),
  /** Who ticked it and when; null while open. */
  doneBy: z.uuid().nullable(),
  doneByName: z.string().nullable(),
  doneAt: z.string().nullable(),
});
export type ChecklistItemDto = z.infer<typeof checklistItemSchema>;

const personSchema = z.object({ id: z.uuid(), name: z.string() });

export const salesEventSchema = z.object({
  id: z.uuid(),
  kind: z.enum(salesEventKinds),
  name: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string().nullable(),
  description: z.string().nullable(),
  cost: moneyJsonSchema.nullable(),
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  teamId: z.uuid().nullable(),
  participants: z.array(personSchema),
  checklist: z.array(checklistItemSchema),
  leadCount: z.number().int(),
  /** When participants were reminded of the event; null until then (cleared when the start moves). */
  remindedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type SalesEvent = z.infer<typeof salesEventSchema>;

export const salesEventWhen = ['upcoming', 'past'] as const;

export const salesEventListQuerySchema = listQuerySchema.extend({
  /** upcoming: not over yet, soonest first; past: over, latest first; omitted: all, latest first. */
  when: z.enum(salesEventWhen).optional(),
  kind: z.enum(salesEventKinds).optional(),
  ownerId: z.uuid().optional(),
  /** Only events the user takes part in. */
  participantId: z.uuid().optional(),
  /** Events starting at or after this moment (e.g. the first day of a month). */
  from: eventTimeSchema.optional(),
  /** Events starting before this moment. */
  to: eventTimeSchema.optional(),
});
export type SalesEventListQuery = z.infer<typeof salesEventListQuerySchema>;

export const salesEventParticipantsInputSchema = z
  .object({ userIds: z.array(z.uuid()).max(salesEventParticipantsMax) })
  .strict();
export type SalesEventParticipantsInput = z.infer<typeof salesEventParticipantsInputSchema>;

export const shiftInputSchema = z
  .object({
    userId: z.uuid(),
    startsAt: eventTimeSchema,
    endsAt: eventTimeSchema,
    note: optionalText(500),
  })
  .strict()
  .refine(endsAfterStart, endsAfterStartIssue);

/** The whole duty roster; it replaces the previous one. */
export const rosterInputSchema = z.object({ shifts: z.array(shiftInputSchema).max(salesEventShiftsMax) }).strict();
export type RosterInput = z.infer<typeof rosterInputSchema>;

export const shiftSchema = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  userName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  note: z.string().nullable(),
});
export type Shift = z.infer<typeof shiftSchema>;

/** The roster with the event's version, the one to send as If-Match when changing it. */
export const rosterSchema = z.object({ version: z.number().int(), items: z.array(shiftSchema) });
export type Roster = z.infer<typeof rosterSchema>;

/**
 * The whole preparation checklist; it replaces the previous one. Items keep their id; an item
 * without one is new. Who ticked an item and when is recorded by the server.
 */
export const checklistInputSchema = z
  .object({
    items: z
      .array(
        z
          .object({
            id: z.uuid().optional(),
            text: z.string().trim().min(1).max(300),
            done: z.boolean().default(false),
          })
          .strict(),
      )
      .max(salesEventChecklistMax),
  })
  .strict();
export type ChecklistInput = z.infer<typeof checklistInputSchema>;
