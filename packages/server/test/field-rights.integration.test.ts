import { builtinRoles, type Permissions } from '@berth/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importContactBatch } from '../src/modules/customers/import-contacts';
import { customerImportLookups, importCustomerBatch } from '../src/modules/customers/import-customers';
import { type Ctx, systemCtx } from '../src/platform/context';
import { type FieldRecord, type FieldRightsFixture, fieldRightsFixture } from './field-rights-fixture';
import { type Session, startTestApp, type TestApp } from './harness';

/** Field rights on the side paths a security review found open (issue 12: findings 1, 2, 6 and 7). */
describe('field rights', () => {
  let t: TestApp;
  let f: FieldRightsFixture;
  let rep: Session & { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    f = await fieldRightsFixture(t);
    rep = await t.userWithRole(f.admin, 'sales_rep', { teamId: f.east, name: 'Rep' });
  }, 300_000);
  afterAll(() => t.close());

  const get = async (url: string, as: Session) => {
    const res = await t.request('GET', url, { as });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  describe('a sales rep cannot write billing (finding 1)', () => {
    it('refuses billing on create and update with 422 naming the field, and stores nothing', async () => {
      const created = await t.request('POST', '/api/customers', {
        as: rep,
        body: {
          name: '越权开票客户',
          billing: { creditLimit: { amount: 9e6, currency: 'CNY' }, paymentTermsDays: 180 },
        },
      });
      expect(created.statusCode).toBe(422);
      expect(created.json().errors).toEqual([
        expect.objectContaining({ field: 'billing', code: 'customer.billing_not_writable' }),
      ]);
      expect((await get('/api/customers?q=越权开票客户', f.admin)).items).toEqual([]);

      // An empty billing profile writes nothing and is fine.
      const plain = await t.request('POST', '/api/customers', {
        as: rep,
        body: { name: '正常新客户', billing: { invoiceTitle: null, creditLimit: null } },
      });
      expect(plain.statusCode, plain.body).toBe(201);
      const patched = await t.request('PATCH', `/api/customers/${plain.json().id}`, {
        headers: { 'if-match': '*' },
        as: rep,
        body: { name: '正常新客户二', billing: { creditLimit: { amount: 9e6, currency: 'CNY' } } },
      });
      expect(patched.statusCode).toBe(422);
      expect(patched.json().errors[0]).toMatchObject({ field: 'billing', code: 'customer.billing_not_writable' });
      const stored = await get(`/api/customers/${plain.json().id}`, f.admin);
      expect(stored).toMatchObject({ name: '正常新客户', version: 1 });
      expect(stored.billing.creditLimit ?? null).toBeNull();
    });

    it('lets only customerBilling.update in scope for the record write billing', async () => {
      const finance = await t.userWithRole(f.admin, 'finance');
      const res = await t.request('PATCH', `/api/customers/${f.records.other.customerId}`, {
        headers: { 'if-match': '*' },
        as: finance,
        body: { billing: { paymentTermsDays: 60 } },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().billing.paymentTermsDays).toBe(60);
    });

    it('makes a billing column of an import a row error for an importer without the right', async () => {
      const ctx: Ctx = {
        ...systemCtx(t.db, f.admin.me.organization.id),
        actor: { type: 'user', id: rep.id },
        userId: rep.id,
        teamIds: [f.east],
        permissions: builtinRoles.find((r) => r.key === 'sales_rep')?.permissions as Permissions,
      };
      const result = await importCustomerBatch(
        ctx,
        [
          { row: 2, values: { name: '导入越权客户', creditLimit: '5000000' } },
          { row: 3, values: { name: '导入普通客户' } },
        ],
        'create',
        await customerImportLookups(ctx),
      );
      expect(result.created).toBe(1);
      expect(result.errors).toEqual([expect.objectContaining({ row: 2, field: 'billing' })]);
      expect((await get('/api/customers?q=导入越权客户', f.admin)).items).toEqual([]);
    });

    it('makes personal data in a contact import a row error where the importer may not see it', async () => {
      const ctx: Ctx = {
        ...systemCtx(t.db, f.admin.me.organization.id),
        actor: { type: 'user', id: f.caller.id },
        userId: f.caller.id,
        teamIds: [f.east],
        permissions: { contacts: { read: 'org', create: 'org' }, personalData: { read: 'own' } },
      };
      const code = async (id: string) => (await get(`/api/customers/${id}`, f.admin)).code as string;
      const result = await importContactBatch(
        ctx,
        [
          // Its mobile matches the existing contact: a skip would confirm the number.
          {
            row: 2,
            values: {
              customerCode: await code(f.records.other.customerId),
              name: '探针',
              phones: f.records.other.mobile,
            },
          },
          {
            row: 3,
            values: { customerCode: await code(f.records.self.customerId), name: '新联系人', phones: '13600001111' },
          },
        ],
        'skip',
      );
      expect(result.errors).toEqual([expect.objectContaining({ row: 2, field: 'phones' })]);
      expect(result).toMatchObject({ created: 1, skipped: 0 });
    });

    it('refuses personal data and money the caller may not see, as billing', async () => {
      await f.grant({
        contacts: { read: 'org', update: 'org' },
        opportunities: { read: 'org', update: 'org' },
        shipments: { read: 'org', create: 'org', update: 'org' },
        revenue: { read: 'own' },
      });
      const contact = await t.request('PATCH', `/api/contacts/${f.records.other.contactId}`, {
        headers: { 'if-match': '*' },
        as: f.caller,
        body: { phones: ['+8613000000000'] },
      });
      expect(contact.statusCode).toBe(422);
      expect(contact.json().errors[0]).toMatchObject({ field: 'phones', code: 'contact.personal_data_hidden' });
      const money = await t.request('PATCH', `/api/opportunities/${f.records.other.opportunityId}`, {
        headers: { 'if-match': '*' },
        as: f.caller,
        body: { expectedRevenue: null },
      });
      expect(money.statusCode).toBe(422);
      expect(money.json().errors[0]).toMatchObject({ field: 'expectedRevenue', code: 'opportunity.revenue_hidden' });
      // Revenue on their own deal is theirs; its margin is not.
      const margin = await t.request('PATCH', `/api/opportunities/${f.records.self.opportunityId}`, {
        headers: { 'if-match': '*' },
        as: f.caller,
        body: { expectedRevenue: { amount: '1', currency: 'CNY' }, expectedMargin: { amount: '1', currency: 'CNY' } },
      });
      expect(margin.statusCode).toBe(422);
      expect(margin.json().errors).toEqual([
        expect.objectContaining({ field: 'expectedMargin', code: 'opportunity.cost_margin_hidden' }),
      ]);
      // A shipment's amounts need their rights at organisation scope (shipments are written organisation-wide).
      const shipment = await t.request('PATCH', `/api/shipments/${f.records.self.shipmentId}`, {
        headers: { 'if-match': '*' },
        as: f.caller,
        body: { cost: { amount: '1', currency: 'USD' } },
      });
      expect(shipment.statusCode).toBe(422);
      expect(shipment.json().errors).toEqual([
        expect.objectContaining({ field: 'cost', code: 'shipment.money_hidden' }),
      ]);
      const batch = await t.request('POST', '/api/shipments/batch', {
        as: f.caller,
        body: {
          items: [
            { source: 'probe', externalId: 'P1', mode: 'fcl', revenue: { amount: '5', currency: 'USD' } },
            { source: 'probe', externalId: 'P2', mode: 'fcl' },
          ],
        },
      });
      expect(batch.statusCode, batch.body).toBe(200);
      expect(batch.json().items.map((i: { status: string }) => i.status)).toEqual(['error', 'created']);
      expect(batch.json().items[0].errors).toEqual([
        expect.objectContaining({ field: 'revenue', code: 'shipment.money_hidden' }),
      ]);
      // Stored amounts are unchanged.
      const stored = await get(`/api/shipments/${f.records.self.shipmentId}`, f.admin);
      expect(stored.cost).toEqual({ amount: `${f.records.self.shipmentCost}.00`, currency: 'USD' });
    });
  });

  describe('search cannot rebuild masked personal data (finding 2)', () => {
    it('matches contacts phones and emails only where the caller sees them unmasked', async () => {
      await f.grant({ personalData: { read: 'own' } });
      const found = async (q: string) =>
        (await get(`/api/customers?q=${encodeURIComponent(q)}`, f.caller)).items.map((c: { id: string }) => c.id);
      const { self, other } = f.records;
      // The masked mobile shows its first and last digits; its middle ones must not be probeable.
      expect(await found(other.mobileDigits)).toEqual([]);
      expect(await found(other.mobileDigits.slice(3, 8))).toEqual([]);
      expect(await found(other.email.split('@')[0] as string)).toEqual([]);
      expect(await found('wxothersecret')).toEqual([]);
      expect(await found(self.mobileDigits)).toEqual([self.customerId]);
      expect(await found(self.mobileDigits.slice(3, 8))).toEqual([self.customerId]);
      // Names of contacts and the customer's own company phone stay searchable.
      expect(await found('联系人other')).toEqual([other.customerId]);
      expect(await found(other.companyPhone.slice(3))).toEqual([other.customerId]);

      const contacts = async (q: string) =>
        (await get(`/api/contacts?q=${encodeURIComponent(q)}`, f.caller)).items.map((c: { id: string }) => c.id);
      expect(await contacts(other.mobile)).toEqual([]);
      expect(await contacts(self.mobile)).toEqual([self.contactId]);
      expect(await contacts('联系人other')).toEqual([other.contactId]);

      await f.grant({ personalData: { read: 'org' } });
      expect(await found(other.mobileDigits)).toEqual([other.customerId]);
      expect(await contacts(other.mobile)).toEqual([other.contactId]);
    });
  });

  describe('the money rights are applied per record with their scope (finding 6)', () => {
    it('shows billing and credit, revenue, and cost and margin only of the records in scope of each right', async () => {
      await f.grant({ billingCredit: { read: 'own' }, revenue: { read: 'own' }, costMargin: { read: 'team' } });
      const { self, mate, other } = f.records;
      expect((await get(`/api/customers/${self.customerId}`, f.caller)).billing.creditLimit).toEqual({
        amount: `${self.creditLimit}.00`,
        currency: 'CNY',
      });
      expect((await get(`/api/customers/${other.customerId}`, f.caller)).billing).toBeNull();
      expect((await get(`/api/opportunities/${self.opportunityId}`, f.caller)).expectedRevenue).toEqual({
        amount: `${self.revenue}.00`,
        currency: 'CNY',
      });
      expect((await get(`/api/opportunities/${mate.opportunityId}`, f.caller)).expectedRevenue).toBeNull();
      expect((await get(`/api/opportunities/${mate.opportunityId}`, f.caller)).expectedMargin).toEqual({
        amount: `${mate.margin}.00`,
        currency: 'CNY',
      });
      expect((await get(`/api/opportunities/${other.opportunityId}`, f.caller)).expectedMargin).toBeNull();
      const shipment = await get(`/api/shipments/${mate.shipmentId}`, f.caller);
      expect(shipment).toMatchObject({ revenue: null, cost: { amount: `${mate.shipmentCost}.00`, currency: 'USD' } });
      const report = await get(`/api/sales-events/${f.event}/report`, f.caller);
      expect(report.wonRevenue).toEqual([{ currency: 'CNY', amount: `${self.revenue}.00` }]);
      const timeline = await get(`/api/customers/${other.customerId}/timeline`, f.caller);
      const billing = timeline.items.find((e: { changes: Record<string, unknown> | null }) => e.changes?.billing);
      expect(billing.changes.billing).toEqual(['***', '***']);
      expect(billing.changes.credit_limit ?? ['***', '***']).toEqual(['***', '***']);
    });
  });

  describe('each money right on its own leaks through no neighbouring path', () => {
    const amounts = (r: FieldRecord): Record<MoneyRight, number[]> => ({
      revenue: [r.revenue, r.shipmentRevenue],
      costMargin: [r.margin, r.shipmentCost],
      billingCredit: [r.creditLimit],
    });
    const moneyRights = ['revenue', 'costMargin', 'billingCredit'] as const;
    type MoneyRight = (typeof moneyRights)[number];
    const text = async (url: string) => {
      const res = await t.request('GET', url, { as: f.caller });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      return res.body;
    };
    /** Every path that shows one record or its history: the records, the customer's shipments and timeline, the audit log. */
    const recordPaths = async (r: FieldRecord) =>
      [
        await text(`/api/customers/${r.customerId}`),
        await text(`/api/opportunities/${r.opportunityId}`),
        await text(`/api/shipments/${r.shipmentId}`),
        await text(`/api/customers/${r.customerId}/shipments`),
        await text(`/api/customers/${r.customerId}/timeline?limit=200`),
        await text(`/api/audit?entityId=${r.customerId}&limit=200`),
        await text(`/api/audit?entityId=${r.opportunityId}&limit=200`),
        await text(`/api/audit?entityId=${r.shipmentId}&limit=200`),
      ].join('\n');
    /** The paths over many records: lists, search, reports, the export. */
    const sharedPaths = async () =>
      [
        await text('/api/customers?limit=200'),
        await text('/api/opportunities?limit=200'),
        await text('/api/shipments?limit=200'),
        await text('/api/opportunities/forecast?groupBy=owner'),
        await text('/api/opportunities/forecast?groupBy=month'),
        await text(`/api/sales-events/${f.event}/report`),
        await text('/api/audit?limit=200'),
        await text('/api/customers/export?format=csv'),
      ].join('\n');

    for (const right of moneyRights) {
      it(`${right} at own scope shows its amounts of the caller's records, and nothing else`, async () => {
        await f.grant({ [right]: { read: 'own' } });
        const { self, mate, other } = f.records;
        const mine = await recordPaths(self);
        for (const [name, values] of Object.entries(amounts(self))) {
          for (const value of values) expect(mine.includes(String(value)), `${name} ${value}`).toBe(name === right);
        }
        for (const record of [mate, other]) {
          const theirs = await recordPaths(record);
          for (const value of Object.values(amounts(record)).flat()) expect(theirs).not.toContain(String(value));
        }
        const shared = await sharedPaths();
        for (const record of [mate, other]) {
          for (const value of Object.values(amounts(record)).flat()) expect(shared).not.toContain(String(value));
        }
        for (const [name, values] of Object.entries(amounts(self))) {
          if (name === right) continue;
          for (const value of values) expect(shared, `${name} ${value}`).not.toContain(String(value));
        }
        // No amount is a search key: a search by another's credit limit or revenue finds nothing.
        for (const value of Object.values(amounts(other)).flat()) {
          expect(JSON.parse(await text(`/api/customers?q=${value}`)).items).toEqual([]);
        }
      });
    }
  });

  describe('the audit log is masked as the records it describes (finding 7)', () => {
    it('masks personal data, billing and money of records outside the field rights', async () => {
      await f.grant({
        personalData: { read: 'own' },
        revenue: { read: 'own' },
        costMargin: { read: 'own' },
        billingCredit: { read: 'own' },
      });
      const { self, other } = f.records;
      const changesOf = async (entity: string, id: string) =>
        (await get(`/api/audit?entity=${entity}&entityId=${id}&limit=200`, f.caller)).items
          .map((e: { changes: Record<string, unknown> | null }) => e.changes)
          .filter(Boolean);
      const text = async (entity: string, id: string) => JSON.stringify(await changesOf(entity, id));
      expect(await text('contacts', other.contactId)).not.toContain(other.mobileDigits);
      expect(await text('contacts', other.contactId)).not.toContain('secret');
      expect(await text('contacts', self.contactId)).toContain(self.mobileDigits);
      expect(await text('customers', other.customerId)).not.toContain(String(other.creditLimit));
      expect(await text('customers', self.customerId)).toContain(String(self.creditLimit));
      expect(await text('opportunities', other.opportunityId)).not.toContain(String(other.revenue));
      expect(await text('opportunities', self.opportunityId)).toContain(String(self.revenue));
      expect(await text('opportunities', self.opportunityId)).toContain(String(self.margin));
      expect(await text('shipments', other.shipmentId)).not.toContain(String(other.shipmentRevenue));
      expect(await text('shipments', other.shipmentId)).not.toContain(String(other.shipmentCost));
      expect(await text('shipments', self.shipmentId)).toContain(String(self.shipmentCost));
    });
  });
});
