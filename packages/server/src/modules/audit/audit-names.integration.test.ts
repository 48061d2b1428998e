import type { AuditEntry } from '@berth/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganisation, type Factories, type Member } from '../../../test/factories';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';

describe('the audit log names the records it mentions', () => {
  let t: TestApp;
  let admin: Member;
  let make: Factories;
  let rep: Member;

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin, make } = await anOrganisation(t, { name: '审计货代' }));
    // A rep who may read the whole audit log but only their own customers, opportunities and tasks.
    const role = await t.request('POST', '/api/roles', {
      as: admin,
      body: {
        key: 'auditing_rep',
        name: '审计销售',
        nameEn: 'Auditing rep',
        permissions: {
          audit: { read: 'org' },
          customers: { read: 'own', create: 'own', update: 'own' },
          opportunities: { read: 'own', create: 'own' },
        },
      },
    });
    expect(role.statusCode).toBe(201);
    rep = await make.user('auditing_rep', { name: '孙丽' });
  });
  afterAll(() => t.close());

  const audit = async (as: Session, query: string) => {
    const answer = await t.request('GET', `/api/audit?${query}`, { as });
    expect(answer.statusCode).toBe(200);
    return answer.json().items as AuditEntry[];
  };

  it('gives the code and name of records the reader may see, and nothing of the others', async () => {
    const theirs = await make.customer({ name: '宁波远洋物流有限公司' });
    const mine = await make.as(rep).customer({ name: '厦门海顺货运代理有限公司' });
    const theirDeal = await make.opportunity({ customerId: theirs.id, title: '宁波-汉堡 整箱年度合同' });

    const forAdmin = await audit(admin, 'entity=customers&action=create');
    expect(forAdmin.find((e) => e.entityId === theirs.id)).toMatchObject({
      entityName: '宁波远洋物流有限公司',
      entityCode: theirs.code,
    });
    expect(forAdmin.find((e) => e.entityId === mine.id)).toMatchObject({ entityName: '厦门海顺货运代理有限公司' });

    const forRep = await audit(rep, 'entity=customers&action=create');
    expect(forRep.find((e) => e.entityId === mine.id)).toMatchObject({
      entityName: '厦门海顺货运代理有限公司',
      entityCode: mine.code,
    });
    const hidden = forRep.find((e) => e.entityId === theirs.id);
    expect(hidden).toMatchObject({ entityName: null, entityCode: null });

    const deals = await audit(rep, 'entity=opportunities');
    expect(deals.find((e) => e.entityId === theirDeal.id)).toMatchObject({ entityName: null, entityCode: null });
    expect((await audit(admin, 'entity=opportunities')).find((e) => e.entityId === theirDeal.id)).toMatchObject({
      entityName: '宁波-汉堡 整箱年度合同',
      entityCode: theirDeal.code,
    });
    // Nowhere in the rep's answer does the other customer's or deal's name appear.
    const everything = JSON.stringify(await audit(rep, 'limit=200'));
    expect(everything).not.toContain('宁波远洋物流有限公司');
    expect(everything).not.toContain('宁波-汉堡 整箱年度合同');
  });

  it("hides the changes of notes and activities on customers outside the reader's scope", async () => {
    const theirs = await make.customer({ name: '青岛港湾物流有限公司' });
    const note = await make.note({ customerId: theirs.id, body: '报价底线 USD 1450/40HQ\n第二行' });
    const forAdmin = (await audit(admin, `entity=notes&entityId=${note.id}`))[0];
    expect(forAdmin).toMatchObject({ entityName: '报价底线 USD 1450/40HQ' });
    const forRep = (await audit(rep, `entity=notes&entityId=${note.id}`))[0];
    expect(forRep).toMatchObject({ entityName: null, changes: null, meta: null });
    expect(JSON.stringify(await audit(rep, 'limit=200'))).not.toContain('1450/40HQ');
  });

  it('names users for readers who may list users only', async () => {
    const forAdmin = await audit(admin, `entity=users&entityId=${rep.id}`);
    expect(forAdmin[0]).toMatchObject({ entityName: '孙丽' });
    const forRep = await audit(rep, `entity=users&entityId=${rep.id}`);
    expect(forRep[0]).toMatchObject({ entityName: null });
  });

  it('records a sign-in as one event, without a system update of the user', async () => {
    const before = await audit(admin, `entity=users&entityId=${rep.id}&limit=200`);
    await t.login(rep.email);
    const after = await audit(admin, `entity=users&entityId=${rep.id}&limit=200`);
    const added = after.filter((entry) => !before.some((seen) => seen.id === entry.id));
    expect(added.map((entry) => entry.action)).toEqual(['login']);
    expect(after.some((entry) => entry.changes && 'last_login_at' in entry.changes)).toBe(false);
  });
});
