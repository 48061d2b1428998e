import { builtinRoles, type Permissions } from '@berth/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importContactBatch } from '../src/modules/customers/import-contacts';
import { customerImportLookups, importCustomerBatch } from '../src/modules/customers/import-customers';
import { type Ctx, systemCtx } from '../src/platform/context';
import { type FieldRightsFixture, fieldRightsFixture } from './field-rights-fixture';
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
      await f.grant({ contacts: { read: 'org', update: 'org' }, opportunities: { read: 'org', update: 'org' } });
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
      expect(money.json().errors[0]).toMatchObject({ field: 'expectedRevenue', code: 'opportunity.financials_hidden' });
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

  describe('financials is applied per record with its scope (finding 6)', () => {
    it('shows billing and revenue only of the records in scope of financials.read', async () => {
      await f.grant({ financials: { read: 'own' } });
      const { self, other } = f.records;
      expect((await get(`/api/customers/${self.customerId}`, f.caller)).billing.creditLimit.amount).toBe(
        self.creditLimit,
      );
      expect((await get(`/api/customers/${other.customerId}`, f.caller)).billing).toBeNull();
      expect((await get(`/api/opportunities/${self.opportunityId}`, f.caller)).expectedRevenue).toBe(self.revenue);
      expect((await get(`/api/opportunities/${other.opportunityId}`, f.caller)).expectedRevenue).toBeNull();
      const report = await get(`/api/sales-events/${f.event}/report`, f.caller);
      expect(report.wonRevenue).toEqual([{ currency: 'CNY', amount: self.revenue }]);
      const timeline = await get(`/api/customers/${other.customerId}/timeline`, f.caller);
      const billing = timeline.items.find((e: { changes: Record<string, unknown> | null }) => e.changes?.billing);
      expect(billing.changes.billing).toEqual(['***', '***']);
    });
  });

  describe('the audit log is masked as the records it describes (finding 7)', () => {
    it('masks personal data, billing and money of records outside the field rights', async () => {
      await f.grant({ personalData: { read: 'own' }, financials: { read: 'own' } });
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
    });
  });
});
