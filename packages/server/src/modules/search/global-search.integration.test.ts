import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganisation, type Factories, type Member } from '../../../test/factories';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';

type Hit = { kind: string; id: string; title: string; subtitle: string | null; customerId: string | null };
type Group = { kind: string; items: Hit[]; more: boolean };

describe('global search', () => {
  let t: TestApp;
  let admin: Session;
  let make: Factories;
  let east: string;
  let west: string;
  let repA: Member;
  let repB: Member;
  let managerWest: Member;
  let ops: Member;
  let customerA: string;
  let customerB: string;
  let contactB: string;
  let shipmentA: string;
  let shipmentB: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin, make } = await anOrganisation(t, { name: '搜索货代 Search Forwarding' }));
    east = (await make.team({ name: '华东' })).id;
    west = (await make.team({ name: '华南' })).id;
    repA = await make.user('sales_rep', { teamId: east, name: '李搜索' });
    repB = await make.user('sales_rep', { teamId: east, name: '张搜索' });
    managerWest = await make.user('sales_manager', { teamId: west, name: '王经理' });
    ops = await make.user('operations', { name: '操作员' });
    customerA = (await make.customer({ name: '宁波寻踪电子有限公司', ownerId: repA.id, teamId: east })).id;
    customerB = (await make.customer({ name: '宁波寻源五金有限公司', ownerId: repB.id, teamId: east })).id;
    contactB = (
      await make.contact({
        customerId: customerB,
        name: '欧阳寻',
        phones: ['+8615965346508'],
        emails: ['ouyang.hidden@xunyuan.example'],
      })
    ).id;
    await make.as(repA).opportunity({ customerId: customerA, title: '寻踪 美线 整箱' });
    await make.as(repB).opportunity({ customerId: customerB, title: '寻源 欧线 拼箱' });
    const fed = await t.request('POST', '/api/shipments/batch', {
      as: admin,
      body: {
        items: [
          {
            source: 'tms',
            externalId: 'SRCH-1',
            mode: 'fcl',
            pol: 'CNNGB',
            pod: 'DEHAM',
            masterBl: 'MEDUXS123456',
            containers: [{ number: 'MSCU1234566', type: '40HC' }],
            parties: [{ role: 'shipper', customerId: customerA }],
          },
          {
            source: 'tms',
            externalId: 'SRCH-2',
            mode: 'fcl',
            masterBl: 'MEDUXS654321',
            containers: [{ number: 'TGHU7654320', type: '20GP' }],
            parties: [{ role: 'shipper', customerId: customerB }],
          },
        ],
      },
    });
    expect(fed.statusCode, fed.body).toBe(200);
    [shipmentA, shipmentB] = fed.json().items.map((i: { id: string }) => i.id);
  });
  afterAll(() => t.close());

  const search = async (as: Session, q: string, limit?: number): Promise<Group[]> => {
    const res = await t.request('GET', `/api/search?q=${encodeURIComponent(q)}${limit ? `&limit=${limit}` : ''}`, {
      as,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().groups;
  };
  const ids = (groups: Group[], kind: string) => groups.find((g) => g.kind === kind)?.items.map((h) => h.id) ?? [];

  it('groups customers, contacts, opportunities and shipments by kind', async () => {
    const groups = await search(admin, '寻');
    expect(groups.map((g) => g.kind)).toEqual(['customer', 'contact', 'opportunity', 'shipment']);
    expect(ids(groups, 'customer').sort()).toEqual([customerA, customerB].sort());
    expect(ids(groups, 'contact')).toEqual([contactB]);
    const contact = groups.find((g) => g.kind === 'contact')?.items[0];
    expect(contact).toMatchObject({ title: '欧阳寻', subtitle: '宁波寻源五金有限公司', customerId: customerB });
    expect(ids(groups, 'opportunity')).toHaveLength(2);
  });

  it('limits each kind and says when there are more', async () => {
    const groups = await search(admin, '宁波', 1);
    const customers = groups.find((g) => g.kind === 'customer') as Group;
    expect(customers.items).toHaveLength(1);
    expect(customers.more).toBe(true);
  });

  it('does not find another rep’s customer, contact, opportunity or shipment', async () => {
    const groups = await search(repA, '宁波');
    expect(ids(groups, 'customer')).toEqual([customerA]);
    expect(ids(groups, 'contact')).toEqual([]);
    expect(ids(await search(repA, '寻源'), 'opportunity')).toEqual([]);
    expect(ids(await search(repA, '寻踪'), 'opportunity')).toHaveLength(1);
    expect(ids(await search(repA, 'MEDUXS654321'), 'shipment')).toEqual([]);
    expect(ids(await search(repA, 'TGHU7654320'), 'shipment')).toEqual([]);
    expect(ids(await search(repB, 'TGHU7654320'), 'shipment')).toEqual([shipmentB]);
  });

  it('finds a shipment by B/L and by container number, within the customer’s scope', async () => {
    const byBl = await search(repA, 'meduxs123456');
    expect(ids(byBl, 'shipment')).toEqual([shipmentA]);
    expect(byBl.find((g) => g.kind === 'shipment')?.items[0]).toMatchObject({
      title: 'MEDUXS123456',
      subtitle: '宁波寻踪电子有限公司 · CNNGB→DEHAM',
      customerId: customerA,
    });
    const byContainer = await search(ops, 'MSCU 1234566');
    expect(ids(byContainer, 'shipment')).toEqual([shipmentA]);
    expect(byContainer.find((g) => g.kind === 'shipment')?.items[0]?.title).toBe('MEDUXS123456 · MSCU1234566');
    // A manager of another team reads neither customer, so neither shipment.
    expect(ids(await search(managerWest, 'MSCU1234566'), 'shipment')).toEqual([]);
  });

  it('finds a contact by phone or email only for a role that sees them unmasked', async () => {
    // The owner and the administrator see the personal data, so they may search by it.
    for (const as of [repB, admin]) {
      expect(ids(await search(as, '15965346508'), 'contact')).toEqual([contactB]);
      expect(ids(await search(as, '6508'), 'contact')).toEqual([contactB]);
      expect(ids(await search(as, 'ouyang.hidden'), 'contact')).toEqual([contactB]);
      expect(ids(await search(as, '15965346508'), 'customer')).toEqual([customerB]);
    }
    // Operations read every contact but no personal data: the name finds it, the masked number and email do not.
    expect(ids(await search(ops, '欧阳寻'), 'contact')).toEqual([contactB]);
    for (const q of ['15965346508', '6508', '159', 'ouyang.hidden', 'xunyuan.example']) {
      const groups = await search(ops, q);
      expect(ids(groups, 'contact'), q).toEqual([]);
      expect(ids(groups, 'customer'), q).toEqual([]);
    }
    // The hits never carry the personal data themselves.
    const hits = JSON.stringify(await search(admin, '欧阳寻'));
    expect(hits).not.toContain('15965346508');
    expect(hits).not.toContain('ouyang.hidden');
  });

  it('searches only the kinds the caller may read', async () => {
    const groups = await search(ops, '寻');
    expect(groups.map((g) => g.kind)).toEqual(['customer', 'contact', 'shipment']);
  });

  it('refuses an empty term and answers 401 when signed out', async () => {
    expect((await t.request('GET', '/api/search?q=%20', { as: admin })).statusCode).toBe(400);
    expect((await t.request('GET', '/api/search?q=x')).statusCode).toBe(401);
  });
});
