import type { ChecklistInput, SalesEvent } from '@berth/domain';
import { and, eq, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { AppError } from '../../platform/app-error';
import { type Ctx, inTransaction } from '../../platform/context';
import { updateVersioned } from '../../platform/versioned-write';
import { toSalesEvent } from './sales-event-dto';
import { assertVersion, eventForParticipantWork } from './sales-event-scope';
import { type ChecklistItem, salesEvents } from './tables';

/**
 * The new checklist from the one sent: items keep their id, new ones get one, and an item ticked
 * now records who ticked it and when (kept while it stays ticked, cleared when unticked).
 */
export function nextChecklist(
  current: ChecklistItem[],
  input: ChecklistInput['items'],
  actor: { userId: string | null; now: Date },
): ChecklistItem[] {
  const byId = new Map(current.map((item) => [item.id, item]));
  const seen = new Set<string>();
  return input.map((item, index) => {
    const previous = item.id ? byId.get(item.id) : undefined;
    if (item.id && (!previous || seen.has(item.id))) {
      throw AppError.validation(`items.${index}.id`, 'sales_event.checklist_item_unknown');
    }
    if (item.id) seen.add(item.id);
    const stillDone = item.done && previous?.done;
    return {
      id: previous?.id ?? uuidv7(),
      text: item.text,
      done: item.done,
      doneBy: item.done ? (stillDone ? (previous?.doneBy ?? null) : actor.userId) : null,
      doneAt: item.done ? (stillDone ? (previous?.doneAt ?? null) : actor.now.toISOString()) : null,
    };
  });
}

/** Replaces the preparation checklist (If-Match: the event's version); participants may tick it too. */
export async function saveChecklist(
  ctx: Ctx,
  eventId: string,
  expected: number | undefined,
  input: ChecklistInput,
): Promise<SalesEvent> {
  return inTransaction(ctx, async (tx) => {
    const event = await eventForParticipantWork(tx, eventId, true);
    assertVersion(event, expected);
    const checklist = nextChecklist(event.checklist, input.items, { userId: tx.userId, now: tx.clock.now() });
    const row = await updateVersioned(
      tx,
      salesEvents,
      and(eq(salesEvents.orgId, tx.orgId), eq(salesEvents.id, eventId)) as SQL,
      undefined,
      { checklist },
    );
    return toSalesEvent(tx, row);
  });
}
