import type { MergePreview, timelineEntrySchema } from '@berth/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { anOrganisation, type Organisation } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';

describe('merge with choices per field', () => {
  let t: TestApp;
  let org: Organisation;

  beforeAll(async () => {
    t = await startTestApp();
    org = await anOrganisation(t);
  });
  afterAll(() => t.close());

  const pair = async () => {
    const kept = await org.make.customer({ name: `宁波远航物流${Math.random()}`, phone: '+8657487654321' });
    const other = await org.make.customer({
      name: `宁波远航国际物流${Math.random()}`,
      nameEn: 'NINGBO YUANHANG LOGISTICS',
      phone: '+8615965346508',
      industry: '货代',
      billing: { settlementType: 'monthly', paymentTermsDays: 30 },
    });
    return { kept, other };
  };

  it('previews both records, the suggested side of each field and what moves, per kind', async () => {
    const { kept, other } = await pair();
    await org.make.note({ customerId: other.id });
    await org.make.opportunity({ title: '美西合约', customerId: other.id });
    await org.make.contact({ customerId: other.id, name: '王丽' });
    const res = await t.request('GET', `/api/customers/${kept.id}/merge-preview?sourceId=${other.id}`, {
      as: org.admin,
    });
    expect(res.statusCode).toBe(200);
    const preview = res.json() as MergePreview;
    expect(preview.target.id).toBe(kept.id);
    expect(preview.source.id).toBe(other.id);
    const field = (name: string) => preview.fields.find((f) => f.field === name);
    expect(field('nameEn')).toMatchObject({ suggested: 'source', choosable: true });
    expect(field('phone')).toMatchObject({ suggested: 'target', choosable: true });
    expect(field('billing')).toMatchObject({ suggested: 'target', choosable: true });
    const moves = Object.fromEntries(preview.moves.map((m) => [m.kind, m.count]));
    expect(moves).toMatchObject({ notes: 1, opportunities: 1, contacts: 1, shipments: 0, attachments: 0 });
  });

  it('keeps the value of the side chosen for each field, and the audit log says which came from the other', async () => {
    const { kept, other } = await pair();
    const res = await t.request('POST', `/api/customers/${kept.id}/merge`, {
      as: org.admin,
      body: { sourceId: other.id, fields: { name: 'source', phone: 'source', industry: 'target', billing: 'source' } },
    });
    expect(res.statusCode).toBe(200);
    const merged = res.json();
    expect(merged.name).toBe(other.name);
    expect(merged.phone).toBe('+8615965346508');
    expect(merged.industry).toBeNull();
    // Not chosen: empty on the kept record, so filled from the other.
    expect(merged.nameEn).toBe('NINGBO YUANHANG LOGISTICS');
    expect(merged.billing).toMatchObject({ settlementType: 'monthly', paymentTermsDays: 30 });
    const audit = (await t.request('GET', `/api/audit?entity=customers&entityId=${kept.id}`, { as: org.admin })).json();
    const entry = audit.items.find((e: { action: string }) => e.action === 'merge');
    expect(entry.meta.fromSource).toEqual(expect.arrayContaining(['name', 'phone', 'billing', 'nameEn']));
    expect(entry.meta.fromSource).not.toContain('industry');
  });

  it('refuses billing from the merged record to someone who may not write billing, and changes nothing', async () => {
    const team = await org.make.team();
    const manager = await org.make.user('sales_manager', { teamId: team.id });
    const mine = org.make.as(manager);
    const kept = await mine.customer({ name: `经理客户${Math.random()}` });
    const other = await mine.customer({ name: `经理客户重复${Math.random()}` });
    const preview = (
      await t.request('GET', `/api/customers/${kept.id}/merge-preview?sourceId=${other.id}`, { as: manager })
    ).json() as MergePreview;
    expect(preview.fields.find((f) => f.field === 'billing')?.choosable).toBe(false);
    const res = await t.request('POST', `/api/customers/${kept.id}/merge`, {
      as: manager,
      body: { sourceId: other.id, fields: { billing: 'source' } },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'fields.billing', code: 'customer.billing_not_writable' }),
    ]);
    expect((await t.request('GET', `/api/customers/${other.id}`, { as: manager })).statusCode).toBe(200);
  });

  it('refuses an unknown field and a preview of a customer outside the scope', async () => {
    const { kept, other } = await pair();
    const bad = await t.request('POST', `/api/customers/${kept.id}/merge`, {
      as: org.admin,
      body: { sourceId: other.id, fields: { code: 'source' } },
    });
    expect(bad.statusCode).toBe(422);
    const team = await org.make.team();
    const rep = await org.make.user('sales_manager', { teamId: team.id });
    const res = await t.request('GET', `/api/customers/${kept.id}/merge-preview?sourceId=${other.id}`, { as: rep });
    expect(res.statusCode).toBe(404);
  });

  it('keeps the latest follow-up of the merged record on the kept one', async () => {
    const { kept, other } = await pair();
    await org.make.note({ customerId: other.id });
    const before = (await t.request('GET', `/api/customers/${other.id}/ownership`, { as: org.admin })).json();
    expect(before.lastFollowUpAt).not.toBeNull();
    await t.request('POST', `/api/customers/${kept.id}/merge`, { as: org.admin, body: { sourceId: other.id } });
    const after = (await t.request('GET', `/api/customers/${kept.id}/ownership`, { as: org.admin })).json();
    expect(after.lastFollowUpAt).toBe(before.lastFollowUpAt);
  });

  it('names the customers of a merge on the timeline by code and name, not by id', async () => {
    const { kept, other } = await pair();
    const contact = await org.make.contact({ customerId: other.id, name: '李娜' });
    await t.request('POST', `/api/customers/${kept.id}/merge`, { as: org.admin, body: { sourceId: other.id } });
    const entries = (await t.request('GET', `/api/customers/${kept.id}/timeline`, { as: org.admin })).json()
      .items as z.infer<typeof timelineEntrySchema>[];
    const moved = entries.find((e) => e.entity === 'contacts' && e.entityId === contact.id && e.changes?.customer_id);
    expect(moved?.customers).toEqual(
      expect.arrayContaining([
        { id: other.id, code: other.code, name: other.name },
        { id: kept.id, code: kept.code, name: kept.name },
      ]),
    );
    const mergedInto = entries.find(
      (e) => e.entity === 'customers' && e.entityId === other.id && e.changes?.merged_into_id,
    );
    expect(mergedInto?.customers).toEqual([{ id: kept.id, code: kept.code, name: kept.name }]);
    const merge = entries.find((e) => e.action === 'merge');
    expect(merge?.customers).toEqual([{ id: other.id, code: other.code, name: other.name }]);
  });
});

describe('saving a customer despite possible duplicates', () => {
  let t: TestApp;
  let org: Organisation;

  beforeAll(async () => {
    t = await startTestApp();
    org = await anOrganisation(t);
  });
  afterAll(() => t.close());

  it('keeps the reason and the duplicates shown in the audit log of the new customer', async () => {
    const existing = await org.make.customer({ name: '青岛海丰货运代理有限公司' });
    const res = await t.request('POST', '/api/customers', {
      as: org.admin,
      body: {
        name: '青岛海丰货运代理有限公司',
        duplicateConfirmation: { reason: '同名不同公司：黄岛分公司', customerIds: [existing.id] },
      },
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    const audit = (await t.request('GET', `/api/audit?entity=customers&entityId=${id}`, { as: org.admin })).json();
    const entry = audit.items.find((e: { action: string }) => e.action === 'duplicate_confirmed');
    expect(entry.meta).toEqual({
      reason: '同名不同公司：黄岛分公司',
      duplicates: [{ id: existing.id, code: existing.code }],
    });
  });

  it('a customer created by its owner is owned since then and protected as the pool rule says', async () => {
    const before = Date.now();
    const created = await org.make.customer({ name: `新客户${Math.random()}` });
    const ownership = (await t.request('GET', `/api/customers/${created.id}/ownership`, { as: org.admin })).json();
    expect(new Date(ownership.ownerSince).getTime()).toBeGreaterThanOrEqual(before - 60_000);
    const day = 24 * 3600 * 1000;
    // No rule saved: the default rule's 7 days.
    expect(new Date(ownership.protectedUntil).getTime() - new Date(ownership.ownerSince).getTime()).toBe(7 * day);
  });

  it('refuses a confirmation without a reason', async () => {
    const res = await t.request('POST', '/api/customers', {
      as: org.admin,
      body: { name: `无理由${Math.random()}`, duplicateConfirmation: { reason: ' ', customerIds: [] } },
    });
    expect(res.statusCode).toBe(422);
  });
});
