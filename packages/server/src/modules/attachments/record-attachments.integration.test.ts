import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganisation, type Factories } from '../../../test/factories';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';
import { queryRows } from '../../db/database';

type Rep = Session & { id: string };

const pdf = Buffer.from('%PDF-1.4\n% seal specimen\n%%EOF\n');

async function upload(t: TestApp, as: Session, path: string, kind?: string) {
  const form = new FormData();
  form.append('file', new Blob([pdf]), '文件.pdf');
  if (kind) form.append('kind', kind);
  return t.app.inject({
    method: 'POST',
    url: path,
    payload: form as never,
    headers: { cookie: as.cookie, 'x-csrf-token': as.csrfToken },
  });
}

describe('attachments on contacts and opportunities', () => {
  let t: TestApp;
  let admin: Session;
  let make: Factories;
  let repA: Rep;
  let repB: Rep;
  let outsider: Rep;
  let service: Rep;
  let customerId: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin, make } = await anOrganisation(t, { name: '附件货代 Attachments Forwarding' }));
    const team = (await make.team({ name: '华东销售' })).id;
    const other = (await make.team({ name: '华南销售' })).id;
    repA = await make.user('sales_rep', { teamId: team, name: '赵一' });
    repB = await make.user('sales_rep', { teamId: team, name: '钱二' });
    outsider = await make.user('sales_rep', { teamId: other, name: '孙三' });
    service = await make.user('customer_service', { name: '客服李四' });
    customerId = (await make.customer({ name: '宁波远洋货运有限公司', ownerId: repA.id })).id;
  });
  afterAll(() => t.close());

  it('keeps 月结协议, 印鉴样本 and 委托书 on a contact, readable by whoever may read the contact', async () => {
    const contact = await make.as(repA).contact({ customerId, name: '周经理' });
    const seal = await upload(t, repA, `/api/contacts/${contact.id}/attachments`, 'seal_specimen');
    expect(seal.statusCode).toBe(201);
    expect(seal.json()).toMatchObject({
      customerId,
      contactId: contact.id,
      opportunityId: null,
      kind: 'seal_specimen',
    });
    for (const kind of ['monthly_settlement_agreement', 'power_of_attorney']) {
      expect((await upload(t, repA, `/api/customers/${customerId}/attachments`, kind)).statusCode).toBe(201);
    }
    expect((await upload(t, repA, `/api/contacts/${contact.id}/attachments`, 'passport')).statusCode).toBe(422);

    const ofContact = await t.request('GET', `/api/contacts/${contact.id}/attachments`, { as: service });
    expect(ofContact.json().items.map((a: { id: string }) => a.id)).toEqual([seal.json().id]);
    // The customer's own list holds the customer's files, not those of its contacts.
    const ofCustomer = (await t.request('GET', `/api/customers/${customerId}/attachments`, { as: repA })).json();
    expect(ofCustomer.items.map((a: { kind: string }) => a.kind).sort()).toEqual([
      'monthly_settlement_agreement',
      'power_of_attorney',
    ]);

    // A rep of another team reads neither the contact nor its files, and cannot add one.
    expect((await t.request('GET', `/api/contacts/${contact.id}/attachments`, { as: outsider })).statusCode).toBe(404);
    const content = `/api/attachments/${seal.json().id}/content`;
    expect((await t.request('GET', content, { as: outsider })).statusCode).toBe(404);
    expect((await upload(t, outsider, `/api/contacts/${contact.id}/attachments`)).statusCode).toBe(404);
    expect((await t.request('GET', content, { as: repA })).statusCode).toBe(200);
  });

  it('moves a contact’s files with the contact to its new customer', async () => {
    const contact = await make.as(repA).contact({ customerId, name: '吴主管' });
    const file = (await upload(t, repA, `/api/contacts/${contact.id}/attachments`, 'power_of_attorney')).json();
    const target = (await make.customer({ name: '舟山船务代理有限公司', ownerId: repA.id })).id;
    const moved = await t.request('PATCH', `/api/contacts/${contact.id}`, {
      as: repA,
      body: { customerId: target },
      headers: { 'if-match': `"${contact.version}"` },
    });
    expect(moved.statusCode).toBe(200);
    const [row] = await queryRows<{ customer_id: string }>(
      t.db,
      sql`select customer_id from attachments where id = ${file.id}`,
    );
    expect(row?.customer_id).toBe(target);
  });

  it('shows an opportunity’s files only to those who may read the opportunity', async () => {
    const opportunity = await make.as(repA).opportunity({ customerId, title: '宁波—汉堡 整箱' });
    const file = await upload(
      t,
      repA,
      `/api/opportunities/${opportunity.id}/attachments`,
      'monthly_settlement_agreement',
    );
    expect(file.statusCode).toBe(201);
    expect(file.json()).toMatchObject({ opportunityId: opportunity.id, contactId: null, customerId });
    const id = file.json().id as string;

    const list = (who: Session) => t.request('GET', `/api/opportunities/${opportunity.id}/attachments`, { as: who });
    expect((await list(repA)).json().items.map((a: { id: string }) => a.id)).toEqual([id]);
    // A colleague of the same team does not own the opportunity: a rep's opportunity scope is their own.
    expect((await list(repB)).statusCode).toBe(404);
    expect((await t.request('GET', `/api/attachments/${id}/content`, { as: repB })).statusCode).toBe(404);
    expect((await upload(t, repB, `/api/opportunities/${opportunity.id}/attachments`)).statusCode).toBe(404);

    // Given to repB, the opportunity's files go with it: repA still reads the customer but no longer the file.
    const current = (await t.request('GET', `/api/opportunities/${opportunity.id}`, { as: admin })).json();
    const given = await t.request('PATCH', `/api/opportunities/${opportunity.id}`, {
      as: admin,
      body: { ownerId: repB.id },
      headers: { 'if-match': `"${current.version}"` },
    });
    expect(given.statusCode).toBe(200);
    expect((await t.request('GET', `/api/customers/${customerId}`, { as: repA })).statusCode).toBe(200);
    expect((await list(repA)).statusCode).toBe(404);
    expect((await t.request('GET', `/api/attachments/${id}/content`, { as: repA })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/attachments/${id}/content`, { as: repB })).statusCode).toBe(200);
    // Nor is it on the customer's timeline for repA.
    const timeline = (await t.request('GET', `/api/customers/${customerId}/timeline?limit=200`, { as: repA })).json();
    expect(timeline.items.some((e: { entityId: string | null }) => e.entityId === id)).toBe(false);
    const forAdmin = (await t.request('GET', `/api/customers/${customerId}/timeline?limit=200`, { as: admin })).json();
    expect(forAdmin.items.some((e: { entityId: string | null }) => e.entityId === id)).toBe(true);
  });
});
