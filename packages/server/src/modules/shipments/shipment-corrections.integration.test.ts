import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';

type User = Session & { id: string };

/** Valid ISO 6346 numbers (check digit included); the last one with its check digit changed. */
const boxes = ['CSQU3054383', 'BICU1234565', 'MSCU1234566'];
const offByOne = 'CSQU3054384';

describe('shipments corrected by hand: containers, parties and money under the record’s version', () => {
  let t: TestApp;
  let admin: Session;
  let ops: User;
  let clerk: User;
  let service: User;
  let clerksCustomer: string;
  let othersCustomer: string;
  let shipmentId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.setup('更正货代 Corrections Forwarding');
    ops = await t.userWithRole(admin, 'operations', { name: '操作小李' });
    service = await t.userWithRole(admin, 'customer_service', { name: '客服小赵' });
    // Corrects the shipments of their own customers and sees their revenue, never the cost.
    const role = await t.request('POST', '/api/roles', {
      as: admin,
      body: {
        key: 'shipment_clerk',
        name: '单证员',
        nameEn: 'Shipment clerk',
        permissions: {
          customers: { read: 'own' },
          revenue: { read: 'own' },
          shipments: { read: 'own', update: 'own' },
        },
      },
    });
    expect(role.statusCode, role.body).toBe(201);
    clerk = await t.userWithRole(admin, 'shipment_clerk', { name: '单证小周' });
    const customer = async (name: string, ownerId: string) => {
      const res = await t.request('POST', '/api/customers', { as: admin, body: { name, ownerId, status: 'active' } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    clerksCustomer = await customer('宁波镇海化工有限公司', clerk.id);
    othersCustomer = await customer('上海浦东仪器有限公司', admin.me.user.id);
    const created = await t.request('POST', '/api/shipments', {
      as: ops,
      body: {
        externalId: 'HAND-1',
        mode: 'FCL',
        pol: 'CNNGB',
        pod: 'DEHAM',
        containers: [{ number: boxes[0], type: '40HQ' }],
        revenue: { amount: '2500.00', currency: 'USD' },
        cost: { amount: '15000.00', currency: 'CNY' },
        parties: [{ role: 'booking_customer', customerId: clerksCustomer }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    shipmentId = created.json().id;
  });
  afterAll(() => t.close());

  const get = (as: Session) => t.request('GET', `/api/shipments/${shipmentId}`, { as });
  const patch = (as: Session, version: number | '*', body: object) =>
    t.request('PATCH', `/api/shipments/${shipmentId}`, {
      as,
      body,
      headers: { 'if-match': version === '*' ? '*' : `"${version}"`, 'accept-language': 'en' },
    });

  it('checks each container number’s check digit and names the bad one by its path', async () => {
    const { version } = (await get(clerk)).json();
    const res = await patch(clerk, version, {
      containers: [
        { number: boxes[1], type: '20GP' },
        { number: offByOne, type: '40HQ' },
      ],
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'containers.1.number', code: 'shipment.container_check_digit' }),
    ]);
    expect((await get(clerk)).json()).toMatchObject({ version, containers: [{ number: boxes[0] }], teu: 2 });
  });

  it('replaces containers with their types and seals, recomputes the TEU and logs the change', async () => {
    const { version } = (await get(clerk)).json();
    const res = await patch(clerk, version, {
      containers: [
        { number: boxes[1], type: '20GP', seal: 'SL-0001' },
        { number: ` ${boxes[2]?.toLowerCase()} `, type: '40HQ', seal: 'SL-0002' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      version: version + 1,
      teu: 3,
      containers: [
        { number: boxes[1], type: '20GP', seal: 'SL-0001' },
        { number: boxes[2], type: '40HQ', seal: 'SL-0002' },
      ],
    });
    expect(res.headers.etag).toBe(`"${version + 1}"`);
    const audit = (await t.request('GET', `/api/audit?entity=shipments&entityId=${shipmentId}`, { as: admin })).json();
    const logged = audit.items.find((e: { changes?: Record<string, unknown> }) => e.changes?.containers);
    expect(logged?.changes.containers[1]).toEqual([
      { number: boxes[1], type: '20GP', seal: 'SL-0001' },
      { number: boxes[2], type: '40HQ', seal: 'SL-0002' },
    ]);
  });

  it('a stale version is 412 and a missing one 428; nothing is written', async () => {
    const { version } = (await get(clerk)).json();
    const stale = await patch(clerk, version - 1, { containers: [] });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('conflict.version');
    const none = await t.request('PATCH', `/api/shipments/${shipmentId}`, { as: clerk, body: { containers: [] } });
    expect(none.statusCode).toBe(428);
    expect((await get(clerk)).json()).toMatchObject({ version, teu: 3 });
  });

  it('money follows the rights on the shipment’s customer: the clerk sets revenue, not cost', async () => {
    let { version } = (await get(clerk)).json();
    const cost = await patch(clerk, version, { cost: { amount: '1.00', currency: 'CNY' } });
    expect(cost.statusCode).toBe(422);
    expect(cost.json().errors).toEqual([expect.objectContaining({ field: 'cost', code: 'shipment.money_hidden' })]);
    const precise = await patch(clerk, version, { revenue: { amount: '1.005', currency: 'USD' } });
    expect(precise.statusCode).toBe(422);
    expect(precise.json().errors[0]).toMatchObject({ field: 'revenue.amount', code: 'money.amount_precision' });
    const revenue = await patch(clerk, version, { revenue: { amount: '2650.50', currency: 'USD' } });
    expect(revenue.statusCode, revenue.body).toBe(200);
    expect(revenue.json()).toMatchObject({ revenue: { amount: '2650.50', currency: 'USD' }, cost: null });
    version = revenue.json().version;
    // Operations hold both rights: a correction may make the cost negative (a credit note).
    const both = await patch(ops, version, {
      revenue: { amount: '2700.00', currency: 'USD' },
      cost: { amount: '-120.00', currency: 'CNY' },
    });
    expect(both.statusCode, both.body).toBe(200);
    expect(both.json()).toMatchObject({
      revenue: { amount: '2700.00', currency: 'USD' },
      cost: { amount: '-120.00', currency: 'CNY' },
    });
    const audit = (await t.request('GET', `/api/audit?entity=shipments&entityId=${shipmentId}`, { as: admin })).json();
    expect(audit.items.some((e: { changes?: Record<string, unknown> }) => e.changes?.cost_amount)).toBe(true);
  });

  it('a hand correction of the ETA is audited like any other change', async () => {
    const before = (await get(ops)).json();
    const eta = new Date(Date.parse(before.eta ?? '2026-03-01T00:00:00Z') + 3 * 86_400_000).toISOString();
    const res = await patch(ops, before.version, { eta });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().eta).toBe(eta);
    const audit = (await t.request('GET', `/api/audit?entity=shipments&entityId=${shipmentId}`, { as: admin })).json();
    const logged = audit.items.find((e: { changes?: Record<string, unknown> }) => e.changes?.eta);
    expect(logged?.changes.eta).toEqual([before.eta, eta]);
  });

  it('links a party to a customer or keeps it as written; a customer outside the writer’s scope is refused', async () => {
    let { version } = (await get(clerk)).json();
    const out = await patch(clerk, version, { parties: [{ role: 'booking_customer', customerId: othersCustomer }] });
    expect(out.statusCode).toBe(422);
    expect(out.json().errors).toEqual([
      expect.objectContaining({ field: 'parties', code: 'shipment.customer_out_of_scope' }),
    ]);
    expect((await get(clerk)).json()).toMatchObject({ version, customerId: clerksCustomer });

    const res = await patch(clerk, version, {
      parties: [
        { role: 'booking_customer', customerId: clerksCustomer },
        { role: 'consignee', name: 'Hamburg Instruments GmbH' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().parties).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ role: 'booking_customer', customerId: clerksCustomer, match: 'matched' }),
        expect.objectContaining({
          role: 'consignee',
          customerId: null,
          name: 'Hamburg Instruments GmbH',
          writtenName: 'Hamburg Instruments GmbH',
          match: 'unmatched',
        }),
      ]),
    );
    version = res.json().version;
    // Customer service may correct every shipment (update at organisation scope) without feeding them.
    const linked = await patch(service, version, {
      parties: [
        { role: 'booking_customer', customerId: clerksCustomer },
        { role: 'consignee', customerId: othersCustomer, name: 'Hamburg Instruments GmbH' },
      ],
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().parties).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          role: 'consignee',
          customerId: othersCustomer,
          writtenName: 'Hamburg Instruments GmbH',
          match: 'matched',
        }),
      ]),
    );
    const audit = (await t.request('GET', `/api/audit?entity=shipments&entityId=${shipmentId}`, { as: admin })).json();
    expect(audit.items.filter((e: { changes?: Record<string, unknown> }) => e.changes?.parties)).toHaveLength(2);
  });
});
