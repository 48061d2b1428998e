import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/harness';
import { queryRows } from '../../db/database';

/** The columns the row audit of shipments leaves out: tracking state (the events are its record) and bookkeeping. */
const unaudited = [
  'org_id',
  'id',
  'version',
  'created_at',
  'updated_at',
  'status',
  'eta',
  'atd',
  'ata',
  'promised_eta',
  'customs_hold',
  'rolled',
  'damaged',
  'lost',
  'last_event_at',
  'delay_notified_at',
  'feed_hash',
  'eta_corrected_at',
];

/**
 * The row audit of shipments fires only for an update that sets one of the columns it names (`UPDATE OF`, migration
 * 0037), so that a tracking update does not run it at all. A column added to the table must be named there too, or
 * be left out of the audit on purpose (in its '-' arguments and in the list above).
 */
describe('the row audit of shipments names every audited column', () => {
  let opened: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    opened = await openTestDatabase({ migrated: true });
  });
  afterAll(() => opened.drop());

  it('fires on every column but the tracking state and bookkeeping', async () => {
    const columns = await queryRows<{ name: string }>(
      opened.database.db,
      sql`select attname as name from pg_attribute
           where attrelid = 'shipments'::regclass and attnum > 0 and not attisdropped`,
    );
    const named = await queryRows<{ name: string }>(
      opened.database.db,
      sql`select a.attname as name
            from pg_trigger g join pg_attribute a on a.attrelid = g.tgrelid and a.attnum = any(g.tgattr::int2[])
           where g.tgrelid = 'shipments'::regclass and g.tgname = 'shipments_audit'`,
    );
    const expected = columns.map((c) => c.name).filter((name) => !unaudited.includes(name));
    expect(named.map((c) => c.name).sort()).toEqual(expected.sort());
  });
});
