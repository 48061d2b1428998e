import { CREDIT_CODE_ALPHABET, creditCodeCheckChar, isValidCreditCode } from '@berth/domain';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganisation, type CustomerFields, type Factories } from '../../../test/factories';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';
import { queryRows } from '../../db/database';

const validCreditCode = '91350100M000100Y43';

describe('customer data quality', () => {
  let t: TestApp;
  let admin: Session;
  let make: Factories;
  let east: string;
  const ids: Record<string, string> = {};

  const create = async (key: string, fields: CustomerFields) => {
    ids[key] = (await make.customer(fields)).id;
  };
  const report = async (as: Session, query = '') => {
    const response = await t.request('GET', `/api/data-quality/customers${query}`, { as });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const countOf = (r: { completeness: { field: string; filled: number }[] }, field: string) =>
    r.completeness.find((c) => c.field === field)?.filled;
  type Issue = { kind: string; count: number; percent: number; examples: { id: string; value: string }[] };
  const issueOf = (r: { issues: Issue[] }, kind: string) => r.issues.find((i) => i.kind === kind) as Issue;
  const groupsOf = (r: { duplicates: { kind: string; groups: number; examples: unknown[] }[] }, kind: string) =>
    r.duplicates.find((d) => d.kind === kind) as {
      groups: number;
      examples: { key: string; size: number; customers: { id: string }[] }[];
    };

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin, make } = await anOrganisation(t, { name: '质检货代' }));
    east = (await make.team({ name: '华东' })).id;
    await create('complete', {
      name: '宁波海天国际物流有限公司',
      nameEn: 'Ningbo Haitian International Logistics Co., Ltd.',
      creditCode: validCreditCode,
      country: 'CN',
      address: '宁波市北仑区',
      phone: '0574-87654321',
      email: 'ops@haitian-logistics.cn',
      website: 'https://haitian-logistics.cn',
      industry: '货代',
      tradeProfile: { lanes: [{ pol: 'CNNGB', pod: 'USLAX', mode: 'fcl' }] },
      billing: { taxNumber: validCreditCode },
    });
    await make.contact({ customerId: ids.complete as string, name: '王经理' });
    await create('stale', { name: '老客户贸易有限公司' });
    await create('invalid', { name: '错误数据有限公司' });
    await create('unknownPort', {
      name: '未知港口物流有限公司',
      tradeProfile: { lanes: [{ pol: 'CNZZZ', pod: 'USLAX', mode: 'fcl' }] },
    });
    await create('dupA', { name: '华为技术有限公司' });
    await create('dupB', { name: '華為技術有限公司' });
    await create('phoneA', { name: '东方快运有限公司', phone: '13900139000' });
    await create('phoneB', { name: '西方快运有限公司', phone: '139-0013-9000' });
    await create('pooled', { name: '公海客户有限公司' });
    await create('team', { name: '华东团队客户有限公司', teamId: east });

    // Records as old imports and direct edits leave them: the API would refuse these values.
    await t.db.execute(sql`update customers set credit_code = '91350100M000100Y44', phone = '13800138000',
                                                email = 'sales@@example', owner_id = null
                            where id = ${ids.invalid}`);
    await t.db.execute(sql`update customers set updated_at = now() - interval '13 months' where id = ${ids.stale}`);
    // CNZZZ is a well-formed UN/LOCODE outside the console's port list, which is no error; CN0AB is not a code.
    await t.db.execute(sql`insert into customer_lanes (org_id, customer_id, position, pol, pod, mode)
                           select org_id, customer_id, 1, 'CN0AB', 'USLAX', 'fcl' from customer_lanes
                            where customer_id = ${ids.unknownPort}`);
    await t.db.execute(sql`update customers set owner_id = null, pooled_at = now() where id = ${ids.pooled}`);
  });
  afterAll(() => t.close());

  it('checks credit codes in SQL exactly as the domain validator does', async () => {
    const body = fc.stringMatching(new RegExp(`^[${CREDIT_CODE_ALPHABET}]{17}$`));
    const valid = fc.sample(body, 100).map((b) => b + creditCodeCheckChar(b));
    const noise = fc.sample(
      fc.string({ minLength: 16, maxLength: 19, unit: fc.constantFrom(...'0123456789ABCDIOSVZ') }),
      200,
    );
    const typos = valid.map((code) => code.slice(0, 17) + (code.endsWith('0') ? '1' : '0'));
    const codes = [...valid, ...noise, ...typos, validCreditCode];
    const rows = await queryRows<{ code: string; ok: boolean }>(
      t.db,
      sql`select code, berth_credit_code_valid(code) as ok from unnest(${`{${codes.join(',')}}`}::text[]) as code`,
    );
    expect(rows).toHaveLength(codes.length);
    for (const row of rows) expect(row.ok, row.code).toBe(isValidCreditCode(row.code));
    expect(rows.filter((r) => r.ok).length).toBeGreaterThanOrEqual(100);
  });

  it('counts completeness, invalid values, missing owners and stale records of a crafted dataset', async () => {
    const r = await report(admin);
    expect(r.total).toBe(10);
    expect(r.staleMonths).toBe(12);
    expect(countOf(r, 'nameEn')).toBe(1);
    expect(countOf(r, 'creditCode')).toBe(2);
    expect(countOf(r, 'phone')).toBe(4);
    expect(countOf(r, 'email')).toBe(2);
    expect(countOf(r, 'owner')).toBe(8);
    expect(countOf(r, 'lanes')).toBe(2);
    expect(countOf(r, 'contacts')).toBe(1);
    expect(countOf(r, 'taxNumber')).toBe(1);
    expect(countOf(r, 'website')).toBe(1);
    expect(r.completeness.find((c: { field: string }) => c.field === 'owner').percent).toBe(80);

    expect(issueOf(r, 'creditCodeInvalid')).toMatchObject({
      count: 1,
      percent: 10,
      examples: [{ id: ids.invalid, value: '91350100M000100Y44' }],
    });
    expect(issueOf(r, 'phoneInvalid')).toMatchObject({
      count: 1,
      examples: [{ id: ids.invalid, value: '13800138000' }],
    });
    expect(issueOf(r, 'emailInvalid')).toMatchObject({ count: 1, examples: [{ id: ids.invalid }] });
    expect(issueOf(r, 'laneInvalidCode')).toMatchObject({
      count: 1,
      examples: [{ id: ids.unknownPort, value: 'CN0AB' }],
    });
    // The pooled customer has no owner on purpose and is not reported.
    expect(issueOf(r, 'noOwner')).toMatchObject({ count: 1, examples: [{ id: ids.invalid }] });
    expect(issueOf(r, 'stale')).toMatchObject({ count: 1, examples: [{ id: ids.stale }] });
    expect(issueOf(await report(admin, '?staleMonths=24'), 'stale').count).toBe(0);

    const drill = await t.request('GET', '/api/data-quality/customers/issues?kind=laneInvalidCode', { as: admin });
    expect(drill.json()).toMatchObject({ items: [{ id: ids.unknownPort, value: 'CN0AB' }], nextCursor: null });
  });

  it('pages through a drill-down list with a cursor', async () => {
    const first = await t.request('GET', '/api/data-quality/customers/issues?kind=stale&staleMonths=1&limit=1', {
      as: admin,
    });
    expect(first.json().items).toHaveLength(1);
    expect(first.json().nextCursor).toBeNull();
    await t.db.execute(sql`update customers set updated_at = now() - interval '2 months' where id = ${ids.team}`);
    const page1 = await t.request('GET', '/api/data-quality/customers/issues?kind=stale&staleMonths=1&limit=1', {
      as: admin,
    });
    expect(page1.json().nextCursor).not.toBeNull();
    const page2 = await t.request(
      'GET',
      `/api/data-quality/customers/issues?kind=stale&staleMonths=1&limit=1&cursor=${page1.json().nextCursor}`,
      { as: admin },
    );
    const seen = [...page1.json().items, ...page2.json().items].map((i: { id: string }) => i.id).sort();
    expect(seen).toEqual([ids.stale, ids.team].sort());
  });

  it('groups duplicates by normalised name and phone; "not duplicates" hides a group until it changes', async () => {
    const r = await report(admin);
    expect(groupsOf(r, 'creditCode').groups).toBe(0);
    const names = groupsOf(r, 'name');
    expect(names.groups).toBe(1);
    expect(names.examples[0]?.customers.map((c) => c.id).sort()).toEqual([ids.dupA, ids.dupB].sort());
    const phones = groupsOf(r, 'phone');
    expect(phones.groups).toBe(1);
    expect(phones.examples[0]).toMatchObject({ key: '+8613900139000', size: 2 });

    const group = names.examples[0] as { key: string; customers: { id: string }[] };
    const wrongKey = await t.request('POST', '/api/data-quality/duplicate-dismissals', {
      as: admin,
      body: { kind: 'name', key: 'something else', customerIds: group.customers.map((c) => c.id) },
    });
    expect(wrongKey.statusCode).toBe(422);
    const dismissed = await t.request('POST', '/api/data-quality/duplicate-dismissals', {
      as: admin,
      body: { kind: 'name', key: group.key, customerIds: group.customers.map((c) => c.id) },
    });
    expect(dismissed.statusCode).toBe(201);
    expect(groupsOf(await report(admin), 'name').groups).toBe(0);
    const listed = await t.request('GET', '/api/data-quality/customers/duplicates?kind=name', { as: admin });
    expect(listed.json().items).toEqual([]);
    expect(groupsOf(await report(admin), 'phone').groups).toBe(1);

    // A third record with the same name brings the group back for review.
    await create('dupC', { name: '华为技术股份有限公司' });
    const back = groupsOf(await report(admin), 'name');
    expect(back.groups).toBe(1);
    expect(back.examples[0]?.size).toBe(3);
  });

  it("reports within the caller's scope and refuses roles without the permission", async () => {
    const manager = await make.user('sales_manager', { teamId: east });
    const r = await report(manager);
    expect(r.total).toBe(1);
    expect(groupsOf(r, 'name').groups).toBe(0);
    const rep = await make.user('sales_rep', { teamId: east });
    const denied = await t.request('GET', '/api/data-quality/customers', { as: rep });
    expect(denied.statusCode).toBe(403);
    const notMine = await t.request('POST', '/api/data-quality/duplicate-dismissals', {
      as: manager,
      body: { kind: 'phone', key: '+8613900139000', customerIds: [ids.phoneA, ids.phoneB] },
    });
    expect(notMine.statusCode).toBe(404);
  });

  it('lists "not duplicates" decisions with who made them, and undoing one brings the group back for review', async () => {
    const phoneGroups = async () =>
      (await t.request('GET', '/api/data-quality/customers/duplicates?kind=phone', { as: admin })).json().items as {
        key: string;
      }[];
    const dismissals = async (as: Session, query = '') => {
      const response = await t.request('GET', `/api/data-quality/duplicate-dismissals${query}`, { as });
      expect(response.statusCode, response.body).toBe(200);
      return response.json().items as { id: string; kind: string; customers: { id: string; name: string }[] }[];
    };
    const dismissed = await t.request('POST', '/api/data-quality/duplicate-dismissals', {
      as: admin,
      body: { kind: 'phone', key: '+8613900139000', customerIds: [ids.phoneA, ids.phoneB] },
    });
    expect(dismissed.statusCode).toBe(201);
    const id = dismissed.json().id as string;
    expect(await phoneGroups()).toEqual([]);

    const listed = await dismissals(admin);
    expect(listed.map((d) => d.kind)).toEqual(['phone', 'name']);
    expect(listed[0]).toMatchObject({
      id,
      key: '+8613900139000',
      dismissedBy: admin.me.user.id,
      customers: [
        { id: ids.phoneA, name: '东方快运有限公司' },
        { id: ids.phoneB, name: '西方快运有限公司' },
      ],
    });
    expect((await dismissals(admin, '?kind=name')).map((d) => d.kind)).toEqual(['name']);
    const firstPage = await t.request('GET', '/api/data-quality/duplicate-dismissals?limit=1', { as: admin });
    const secondPage = await t.request(
      'GET',
      `/api/data-quality/duplicate-dismissals?limit=1&cursor=${firstPage.json().nextCursor}`,
      { as: admin },
    );
    expect(secondPage.json()).toMatchObject({ items: [{ kind: 'name' }], nextCursor: null });

    // A team manager sees neither decision (the customers are outside their team) and cannot undo it.
    const manager = await make.user('sales_manager', { teamId: east });
    expect(await dismissals(manager)).toEqual([]);
    expect(
      (await t.request('DELETE', `/api/data-quality/duplicate-dismissals/${id}`, { as: manager })).statusCode,
    ).toBe(404);
    // Management reads data quality but may not merge: it sees the decision and may not undo it.
    const management = await make.user('management');
    expect((await dismissals(management)).map((d) => d.id)).toContain(id);
    const denied = await t.request('DELETE', `/api/data-quality/duplicate-dismissals/${id}`, { as: management });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('permission.denied');

    const other = (await anOrganisation(t, { name: '别家货代', adminName: 'B' })).admin;
    expect(await dismissals(other)).toEqual([]);
    expect((await t.request('DELETE', `/api/data-quality/duplicate-dismissals/${id}`, { as: other })).statusCode).toBe(
      404,
    );
    expect(await phoneGroups()).toEqual([]);

    const undone = await t.request('DELETE', `/api/data-quality/duplicate-dismissals/${id}`, { as: admin });
    expect(undone.statusCode).toBe(204);
    expect((await phoneGroups()).map((g) => g.key)).toEqual(['+8613900139000']);
    expect((await dismissals(admin)).map((d) => d.kind)).toEqual(['name']);
    expect((await t.request('DELETE', `/api/data-quality/duplicate-dismissals/${id}`, { as: admin })).statusCode).toBe(
      404,
    );

    const audit = await t.request('GET', '/api/audit?entity=duplicate_dismissals&limit=50', { as: admin });
    const entries = audit.json().items.filter((e: { entityId: string }) => e.entityId === id);
    expect(entries.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'delete']);
    expect(entries.find((e: { action: string }) => e.action === 'delete')).toMatchObject({ actorId: admin.me.user.id });
  });
});
