import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows } from '../src/db/database';
import { anOrganisation } from './factories';
import { type Session, startTestApp, type TestApp } from './harness';

/** Tables of other modules holding records of a customer, which a merge must move to the kept one. */
const linkedTables = [
  'notes',
  'attachments',
  'activities',
  'tasks',
  'opportunities',
  'sales_event_leads',
  'shipments',
  'shipment_parties',
] as const;

describe('customer merge', () => {
  let t: TestApp;
  let admin: Session;
  let orgId: string;
  let kept: string;
  let duplicate: string;

  beforeAll(async () => {
    t = await startTestApp();
    const org = await anOrganisation(t);
    const make = org.make;
    admin = org.admin;
    orgId = org.id;
    kept = (await make.customer({ name: '宁波港远国际物流有限公司' })).id;
    duplicate = (await make.customer({ name: '宁波港远国际物流公司' })).id;
    await make.note({ customerId: duplicate });
    await make.activity({ customerId: duplicate });
    await make.task({ related: { type: 'customer', id: duplicate } });
    await make.opportunity({ title: '美西月度合约', customerId: duplicate });
    const event = (await make.salesEvent({ name: '宁波航运展' })).id;
    // Leads and files straight in their tables: only where they point matters here.
    await t.db.execute(sql`insert into sales_event_leads (org_id, event_id, customer_id)
                           values (${orgId}, ${event}, ${duplicate})`);
    await t.db.execute(sql`insert into attachments (org_id, customer_id, kind, file_name, content_type, size_bytes, sha256)
                           values (${orgId}, ${duplicate}, 'other', 'a.pdf', 'application/pdf', 4,
                                   ${randomBytes(32).toString('hex')})`);
    await t.db.execute(sql`with s as (
                             insert into shipments (org_id, source, external_id, mode, customer_id)
                             values (${orgId}, 'tms', 'MERGE-1', 'fcl', ${duplicate}) returning id)
                           insert into shipment_parties (org_id, shipment_id, role, customer_id)
                           select ${orgId}, id, 'shipper', ${duplicate} from s`);
  });
  afterAll(() => t.close());

  const countsOn = async (customerId: string) => {
    const counts: Record<string, number> = {};
    for (const table of linkedTables) {
      const [row] = await queryRows<{ n: number }>(
        t.db,
        sql`select count(*)::int as n from ${sql.identifier(table)} where org_id = ${orgId} and customer_id = ${customerId}`,
      );
      counts[table] = row?.n ?? 0;
    }
    return counts;
  };

  it('refuses to merge, rather than leave records behind, in a process that never loaded the module list', async () => {
    // A fresh module graph holding only the use case: its merge steps live in the manifests it cannot see.
    vi.resetModules();
    const { mergeCustomers } = await import('../src/modules/customers/merge-customers');
    const { fullAccessCtx } = await import('../src/platform/context');
    await expect(
      mergeCustomers(fullAccessCtx(t.db, orgId, admin.me.user.id), kept, { sourceId: duplicate }, undefined),
    ).rejects.toThrow(/module list is not loaded/);
    expect(Object.values(await countsOn(duplicate))).toEqual(linkedTables.map(() => 1));
  });

  it("moves every module's records when run by a job or the CLI, which load the module list but not the HTTP app", async () => {
    expect(Object.values(await countsOn(duplicate))).toEqual(linkedTables.map(() => 1));
    vi.resetModules();
    await import('../src/server-modules');
    const { mergeCustomers } = await import('../src/modules/customers/merge-customers');
    const { fullAccessCtx } = await import('../src/platform/context');
    await mergeCustomers(fullAccessCtx(t.db, orgId, admin.me.user.id), kept, { sourceId: duplicate }, undefined);
    expect(await countsOn(duplicate)).toEqual(Object.fromEntries(linkedTables.map((table) => [table, 0])));
    expect(await countsOn(kept)).toEqual(Object.fromEntries(linkedTables.map((table) => [table, 1])));
  });
});
