import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganisation, type Factories } from '../../../test/factories';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';

type View = { id: string; resource: string; name: string; mine: boolean; state: unknown; version: number };

describe('saved views of the shipment list', () => {
  let t: TestApp;
  let admin: Session;
  let make: Factories;
  let ops: Session & { id: string };
  let colleague: Session & { id: string };
  let marketing: Session & { id: string };
  let shipmentReader: Session;

  const shipmentState = {
    filters: { mode: 'fcl', status: 'departed', lane: 'cnsha-uslax', etaFrom: '2027-01-01', exception: true },
    sort: null,
    columns: null,
  };

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin, make } = await anOrganisation(t, { name: '视图货代' }));
    ops = await make.user('operations', { name: '王操作' });
    colleague = await make.user('operations', { name: '赵操作' });
    // Marketing reads customers but not shipments.
    marketing = await make.user('marketing');
    const role = await t.request('POST', '/api/roles', {
      as: admin,
      body: {
        key: 'shipment_reader',
        name: '货运查询',
        nameEn: 'Shipment reader',
        permissions: { shipments: { read: 'org' } },
      },
    });
    expect(role.statusCode, role.body).toBe(201);
    shipmentReader = await t.userWithRole(admin, 'shipment_reader');
  });
  afterAll(() => t.close());

  const create = (as: Session, body: unknown) => t.request('POST', '/api/saved-views', { as, body });
  const listOf = async (as: Session, resource: string) => {
    const response = await t.request('GET', `/api/saved-views?resource=${resource}`, { as });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items as View[];
  };

  it('saves the shipment filters as a view and lists it only among the shipment views', async () => {
    const created = await create(ops, { resource: 'shipments', name: '上海-洛杉矶在途异常', state: shipmentState });
    expect(created.statusCode, created.body).toBe(201);
    const view = created.json() as View;
    expect(view).toMatchObject({
      resource: 'shipments',
      name: '上海-洛杉矶在途异常',
      shared: false,
      mine: true,
      ownerId: ops.id,
      version: 1,
      // The lane is read as the list reads it: upper case.
      state: { filters: { ...shipmentState.filters, lane: 'CNSHA-USLAX' } },
    });
    const customerView = await create(ops, {
      resource: 'customers',
      name: '美国客户',
      state: { filters: { country: 'US' } },
    });
    expect(customerView.statusCode, customerView.body).toBe(201);

    const shipmentViews = await listOf(ops, 'shipments');
    expect(shipmentViews.map((v) => v.id)).toEqual([view.id]);
    expect(shipmentViews[0]).toEqual(view);
    const customerViews = await listOf(ops, 'customers');
    expect(customerViews.map((v) => v.id)).toEqual([customerView.json().id]);
    expect(customerViews[0]?.resource).toBe('customers');
    // Private until shared.
    expect(await listOf(colleague, 'shipments')).toEqual([]);
  });

  it("checks a new view's state against its own list: customer filters are not shipment filters", async () => {
    const customerFilters = await create(ops, {
      resource: 'shipments',
      name: '错的',
      state: { filters: { country: 'US', ownerId: ops.id } },
    });
    expect(customerFilters.statusCode).toBe(422);
    expect(customerFilters.json().code).toBe('validation.failed');

    const badStatus = await create(ops, {
      resource: 'shipments',
      name: '错的',
      state: { filters: { status: 'active' } },
    });
    expect(badStatus.statusCode).toBe(422);
    expect(
      badStatus
        .json()
        .errors.map((e: { field: string }) => e.field)
        .join(' '),
    ).toContain('state.filters.status');

    // Shipment filters on a customer view: the customer list's status values apply.
    const onCustomers = await create(ops, {
      resource: 'customers',
      name: '错的',
      state: { filters: { status: 'departed' } },
    });
    expect(onCustomers.statusCode).toBe(422);
    expect(await listOf(ops, 'shipments')).not.toContainEqual(expect.objectContaining({ name: '错的' }));
  });

  it('keeps the view of its list on update: another list state is refused, the resource cannot change', async () => {
    const view = (
      await create(ops, { resource: 'shipments', name: '空运', state: { filters: { mode: 'air' } } })
    ).json();
    const patch = (body: unknown, version = view.version) =>
      t.request('PATCH', `/api/saved-views/${view.id}`, { as: ops, body, headers: { 'if-match': `"${version}"` } });

    // A customer state smuggled into a shipment view: refused with the fields that do not belong.
    const smuggled = await patch({ state: { filters: { country: 'US', tagId: ops.id } } });
    expect(smuggled.statusCode, smuggled.body).toBe(422);
    expect(smuggled.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['state.filters.country', 'state.filters.tagId']),
    );
    // Shipment filters mixed with an unknown key are refused too, not stripped.
    const mixed = await patch({ state: { filters: { mode: 'fcl', minTeu12m: 5 } } });
    expect(mixed.statusCode, mixed.body).toBe(422);
    expect(mixed.json().errors.map((e: { field: string }) => e.field)).toContain('state.filters.minTeu12m');
    // The resource is not for changing.
    const moved = await patch({ resource: 'customers' });
    expect(moved.statusCode).toBe(422);

    const unchanged = (await listOf(ops, 'shipments')).find((v) => v.id === view.id);
    expect(unchanged).toMatchObject({ resource: 'shipments', version: 1, state: { filters: { mode: 'air' } } });

    const changed = await patch({ state: { filters: { mode: 'rail', q: 'MSKU' } } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      resource: 'shipments',
      version: 2,
      state: { filters: { mode: 'rail', q: 'MSKU' } },
    });

    // And a customer view keeps only customer filters: as customer views always did, keys the customer list
    // does not know are dropped (not refused), so shipment filters never reach its stored state.
    const customerView = (
      await create(ops, { resource: 'customers', name: '德国客户', state: { filters: { country: 'DE' } } })
    ).json();
    const intoCustomer = await t.request('PATCH', `/api/saved-views/${customerView.id}`, {
      as: ops,
      body: { state: { filters: { exception: true, etaFrom: '2027-01-01', country: 'DE' } } },
      headers: { 'if-match': '"1"' },
    });
    expect(intoCustomer.statusCode, intoCustomer.body).toBe(200);
    expect(intoCustomer.json().state.filters).toEqual({ country: 'DE' });
    // A shipment status is no customer status.
    const wrongStatus = await t.request('PATCH', `/api/saved-views/${customerView.id}`, {
      as: ops,
      body: { state: { filters: { status: 'departed' } } },
      headers: { 'if-match': '"2"' },
    });
    expect(wrongStatus.statusCode).toBe(422);
    const customerUpdate = await t.request('PATCH', `/api/saved-views/${customerView.id}`, {
      as: ops,
      body: { state: { filters: { country: 'fr', status: 'active' }, sort: 'name' } },
      headers: { 'if-match': '"2"' },
    });
    expect(customerUpdate.statusCode, customerUpdate.body).toBe(200);
    expect(customerUpdate.json()).toMatchObject({
      resource: 'customers',
      state: { filters: { country: 'FR', status: 'active' }, sort: 'name' },
    });
  });

  it('shares shipment views with colleagues who read shipments; only the owner changes them', async () => {
    const view = (
      await create(ops, {
        resource: 'shipments',
        name: '本周到港',
        shared: true,
        state: { filters: { etaFrom: '2027-01-04' } },
      })
    ).json();
    expect((await listOf(colleague, 'shipments')).find((v) => v.id === view.id)).toMatchObject({ mine: false });
    const byColleague = await t.request('PATCH', `/api/saved-views/${view.id}`, {
      as: colleague,
      body: { name: 'x' },
      headers: { 'if-match': '*' },
    });
    expect(byColleague.statusCode).toBe(403);
    const renamed = await t.request('PATCH', `/api/saved-views/${view.id}`, {
      as: ops,
      body: { name: '本周到港（全部）' },
      headers: { 'if-match': '"1"' },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: '本周到港（全部）', state: { filters: { etaFrom: '2027-01-04' } } });
    expect((await t.request('DELETE', `/api/saved-views/${view.id}`, { as: ops })).statusCode).toBe(204);
    expect((await listOf(colleague, 'shipments')).map((v) => v.id)).not.toContain(view.id);
  });

  it("needs read on the view's own list: shipment views for shipment readers, customer views for customer readers", async () => {
    const shared = (
      await create(ops, { resource: 'shipments', name: '共享海运', shared: true, state: { filters: { mode: 'fcl' } } })
    ).json();
    const sharedCustomers = (
      await create(ops, { resource: 'customers', name: '共享客户', shared: true, state: { filters: {} } })
    ).json();

    // Marketing reads customers, not shipments.
    expect((await t.request('GET', '/api/saved-views?resource=shipments', { as: marketing })).statusCode).toBe(403);
    expect((await create(marketing, { resource: 'shipments', name: 'x', state: { filters: {} } })).statusCode).toBe(
      403,
    );
    expect((await listOf(marketing, 'customers')).map((v) => v.id)).toContain(sharedCustomers.id);

    // A shipment reader without customers.read: shipment views only.
    expect((await listOf(shipmentReader, 'shipments')).map((v) => v.id)).toContain(shared.id);
    expect((await t.request('GET', '/api/saved-views?resource=customers', { as: shipmentReader })).statusCode).toBe(
      403,
    );
    const own = await create(shipmentReader, { resource: 'shipments', name: '我的', state: { filters: {} } });
    expect(own.statusCode, own.body).toBe(201);
    expect(
      (await create(shipmentReader, { resource: 'customers', name: 'x', state: { filters: {} } })).statusCode,
    ).toBe(403);
  });
});
