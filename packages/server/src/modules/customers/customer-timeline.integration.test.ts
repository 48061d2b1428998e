import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganisation, type Factories } from '../../../test/factories';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';

type User = Session & { id: string };
type Entry = { kind: string; entity: string; entityId: string | null; changes: Record<string, unknown> | null };

/** The customer timeline shows a module's records only to those the module itself shows them to. */
describe('customer timeline', () => {
  let t: TestApp;
  let admin: Session;
  let make: Factories;
  let manager: User;
  let owner: User;
  let colleague: User;
  let customerId: string;
  let contactId: string;

  const timeline = async (as: Session, id = customerId) => {
    const res = await t.request('GET', `/api/customers/${id}/timeline?limit=200`, { as });
    expect(res.statusCode, res.body).toBe(200);
    return { entries: res.json().items as Entry[], body: res.body };
  };
  const createRole = async (key: string, permissions: object) => {
    const res = await t.request('POST', '/api/roles', {
      as: admin,
      body: { key, name: key, nameEn: key, permissions },
    });
    expect(res.statusCode, res.body).toBe(201);
  };

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin, make } = await anOrganisation(t));
    const east = (await make.team({ name: '华东销售部' })).id;
    manager = await make.user('sales_manager', { teamId: east, name: '王经理' });
    owner = await make.user('sales_rep', { teamId: east, name: '李一' });
    colleague = await make.user('sales_rep', { teamId: east, name: '张二' });
    customerId = (await make.as(owner).customer({ name: '上海远航国际物流有限公司' })).id;
    contactId = (await make.as(owner).contact({ customerId, name: '赵采购', phones: ['13912345678'] })).id;
  });
  afterAll(() => t.close());

  it("leaves off a task assigned to someone else when the reader gets 404 on the task, though it is on the reader's customer", async () => {
    const secret = await t.request('POST', '/api/tasks', {
      as: manager,
      body: {
        title: '核对竞争对手报价',
        description: '对手报价单在共享盘',
        assigneeId: colleague.id,
        related: { type: 'customer', id: customerId },
      },
    });
    expect(secret.statusCode, secret.body).toBe(201);
    const mine = await t.request('POST', '/api/tasks', {
      as: owner,
      body: { title: '发送新报价', related: { type: 'customer', id: customerId } },
    });
    expect(mine.statusCode, mine.body).toBe(201);

    expect((await t.request('GET', `/api/tasks/${secret.json().id}`, { as: owner })).statusCode).toBe(404);
    const forOwner = await timeline(owner);
    expect(forOwner.entries.filter((e) => e.entity === 'tasks').map((e) => e.entityId)).toEqual([mine.json().id]);
    expect(forOwner.body).not.toContain('核对竞争对手报价');
    expect(forOwner.body).not.toContain('对手报价单在共享盘');

    // The manager reads the team's tasks: both are on the timeline for them.
    expect((await t.request('GET', `/api/tasks/${secret.json().id}`, { as: manager })).statusCode).toBe(200);
    const forManager = await timeline(manager);
    expect(new Set(forManager.entries.filter((e) => e.entity === 'tasks').map((e) => e.entityId))).toEqual(
      new Set([secret.json().id, mine.json().id]),
    );
  });

  it('shows contact changes only to those whose contacts scope covers the customer', async () => {
    await createRole('reads_customers_only', { customers: { read: 'org' } });
    await createRole('reads_own_contacts', { customers: { read: 'org' }, contacts: { read: 'own' } });
    const noContacts = await make.user('reads_customers_only');
    const ownContacts = await make.user('reads_own_contacts');

    expect((await t.request('GET', `/api/contacts/${contactId}`, { as: noContacts })).statusCode).toBe(403);
    const without = await timeline(noContacts);
    expect(without.entries.some((e) => e.entity === 'customers')).toBe(true);
    expect(without.entries.filter((e) => e.entity === 'contacts')).toEqual([]);
    expect(without.body).not.toContain('赵采购');

    // Contacts read "own" means contacts of the customers one owns: not this one, but their own.
    expect((await t.request('GET', `/api/contacts/${contactId}`, { as: ownContacts })).statusCode).toBe(404);
    expect((await timeline(ownContacts)).entries.filter((e) => e.entity === 'contacts')).toEqual([]);
    const theirs = (await make.customer({ name: '宁波海天物流有限公司', ownerId: ownContacts.id })).id;
    const theirContact = (await make.contact({ customerId: theirs, name: '钱经理' })).id;
    expect((await t.request('GET', `/api/contacts/${theirContact}`, { as: ownContacts })).statusCode).toBe(200);
    expect(
      (await timeline(ownContacts, theirs)).entries.filter((e) => e.entity === 'contacts').map((e) => e.entityId),
    ).toEqual([theirContact]);

    // The owner reads their customer's contacts, and sees the contact on the timeline.
    const forOwner = await timeline(owner);
    expect(forOwner.entries.filter((e) => e.entity === 'contacts').map((e) => e.kind)).toEqual(['contact_change']);
  });
});
