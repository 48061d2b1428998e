import type { Page, SalesEventLead } from '@berth/domain';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import { decodeUuidCursor, toPage } from '../../platform/http/keyset';
import { selectLeads, toLead } from './lead-dto';
import { getVisibleEventRow } from './sales-event-scope';

/** The leads captured at an event, newest first (lead ids are time-ordered). */
export async function findLeads(
  ctx: Ctx,
  eventId: string,
  page: { limit: number; cursor?: string },
): Promise<Page<SalesEventLead>> {
  await getVisibleEventRow(ctx, eventId);
  const before = page.cursor ? decodeUuidCursor(page.cursor) : null;
  const rows = await selectLeads(
    ctx,
    sql`l.event_id = ${eventId} ${before ? sql`and l.id < ${before}` : sql``}`,
    sql`order by l.id desc limit ${page.limit + 1}`,
  );
  return toPage(
    rows,
    page.limit,
    (r) => [r.id, r.id],
    (r) => toLead(ctx, r),
  );
}
