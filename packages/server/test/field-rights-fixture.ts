import type { Permissions, Scope } from '@berth/domain';
import type { Session, TestApp } from './harness';

/** Whose record it is, seen from the caller: their own, a teammate's, or another team's. */
export const owners = ['self', 'mate', 'other'] as const;
export type Owner = (typeof owners)[number];

/** Whether a field right at this scope (or none) covers a record of this owner. */
export const covers = (scope: Scope | null, owner: Owner): boolean =>
  scope === 'org' || (scope === 'team' && owner !== 'other') || (scope === 'own' && owner === 'self');

/** Reads everything in the organisation, with the field rights given on top. */
export function readerPermissions(fieldRights: Permissions): Permissions {
  return {
    customers: { read: 'org', export: 'org' },
    contacts: { read: 'org' },
    opportunities: { read: 'org' },
    shipments: { read: 'org' },
    salesEvents: { read: 'org' },
    segments: { read: 'org' },
    pool: { read: 'org' },
    audit: { read: 'org' },
    ...fieldRights,
  };
}

export interface FieldRecord {
  customerId: string;
  contactId: string;
  opportunityId: string;
  shipmentId: string;
  /** The contact's mobile, E.164, and its national digits. */
  mobile: string;
  mobileDigits: string;
  email: string;
  /** The customer's own company phone (not personal data). */
  companyPhone: string;
  creditLimit: number;
  /** The opportunity's expected revenue and margin; each amount is unique to its record and field. */
  revenue: number;
  margin: number;
  /** The shipment's revenue and cost. */
  shipmentRevenue: number;
  shipmentCost: number;
}

/**
 * One organisation with two teams; a caller in team East with a custom role, a teammate and a rep
 * of team West. Each of the three owns a customer with billing and credit, a contact with personal
 * data, a won opportunity with revenue and margin from one sales event, and a shipment of the
 * customer with revenue and cost; each record was changed once afterwards, so the timeline and the
 * audit log hold changes of billing, credit, personal data, revenue, margin and cost.
 */
export async function fieldRightsFixture(t: TestApp) {
  const admin = await t.setup('字段权限测试');
  const east = (await t.request('POST', '/api/teams', { as: admin, body: { name: 'East' } })).json().id as string;
  const west = (await t.request('POST', '/api/teams', { as: admin, body: { name: 'West' } })).json().id as string;
  const role = (
    await t.request('POST', '/api/roles', {
      as: admin,
      body: { key: 'field_probe', name: '字段探针', nameEn: 'Field probe', permissions: readerPermissions({}) },
    })
  ).json();
  const caller = await t.userWithRole(admin, 'field_probe', { teamId: east, name: 'Caller' });
  const mate = await t.userWithRole(admin, 'sales_rep', { teamId: east, name: 'Mate' });
  const stranger = await t.userWithRole(admin, 'sales_rep', { teamId: west, name: 'Stranger' });
  const event = (
    await t.request('POST', '/api/sales-events', {
      as: admin,
      body: { kind: 'trade_show', name: '物流展', startsAt: '2030-05-01T01:00:00Z', endsAt: '2030-05-01T09:00:00Z' },
    })
  ).json().id as string;

  const people = {
    self: { user: caller, team: east },
    mate: { user: mate, team: east },
    other: { user: stranger, team: west },
  };
  const records = {} as Record<Owner, FieldRecord>;
  for (const [i, owner] of owners.entries()) {
    const { user, team } = people[owner];
    // Mobiles differ in their hidden middle digits too, so a probe of the middle finds one record.
    const mobileDigits = `139${String(i + 1).repeat(4)}000${i + 1}`;
    const record: FieldRecord = {
      customerId: '',
      contactId: '',
      opportunityId: '',
      shipmentId: '',
      mobile: `+86${mobileDigits}`,
      mobileDigits,
      email: `secret${i}@private-mail.cn`,
      companyPhone: `+86215550000${i}`,
      creditLimit: 700000 + i,
      revenue: 81000 + i,
      margin: 93170 + i,
      shipmentRevenue: 642310 + i,
      shipmentCost: 531170 + i,
    };
    const customer = await t.request('POST', '/api/customers', {
      as: admin,
      body: {
        name: `字段客户${owner}`,
        phone: record.companyPhone,
        ownerId: user.id,
        teamId: team,
        billing: { paymentTermsDays: 30, creditLimit: { amount: record.creditLimit, currency: 'CNY' } },
      },
    });
    if (customer.statusCode !== 201) throw new Error(customer.body);
    record.customerId = customer.json().id;
    const contact = await t.request('POST', '/api/contacts', {
      as: admin,
      body: {
        customerId: record.customerId,
        name: `联系人${owner}`,
        phones: [record.mobile],
        emails: [record.email],
        wechat: `wx${owner}secret`,
        birthday: `1990-01-0${i + 1}`,
      },
    });
    if (contact.statusCode !== 201) throw new Error(contact.body);
    record.contactId = contact.json().id;
    const opportunity = await t.request('POST', '/api/opportunities', {
      as: admin,
      body: {
        title: `商机${owner}`,
        customerId: record.customerId,
        source: 'event',
        salesEventId: event,
        ownerId: user.id,
        teamId: team,
        expectedRevenue: { amount: String(record.revenue - 1), currency: 'CNY' },
        expectedMargin: { amount: String(record.margin - 1), currency: 'CNY' },
        expectedCloseDate: '2030-06-15',
      },
    });
    if (opportunity.statusCode !== 201) throw new Error(opportunity.body);
    record.opportunityId = opportunity.json().id;
    const shipment = await t.request('POST', '/api/shipments', {
      as: admin,
      body: {
        source: 'manual',
        externalId: `FR-${owner}`,
        mode: 'fcl',
        etd: '2026-06-01T08:00:00Z',
        parties: [{ role: 'booking_customer', customerId: record.customerId }],
        revenue: { amount: String(record.shipmentRevenue - 1), currency: 'USD' },
        cost: { amount: String(record.shipmentCost - 1), currency: 'USD' },
      },
    });
    if (shipment.statusCode !== 201) throw new Error(shipment.body);
    record.shipmentId = shipment.json().id;
    // One change of each guarded field, for the timeline and the audit log.
    const patch = async (url: string, body: unknown, version: number) => {
      const res = await t.request('PATCH', url, { as: admin, body, headers: { 'if-match': `"${version}"` } });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.body}`);
      return res.json();
    };
    await patch(
      `/api/customers/${record.customerId}`,
      { billing: { paymentTermsDays: 45, creditLimit: { amount: record.creditLimit, currency: 'CNY' } } },
      customer.json().version,
    );
    await patch(
      `/api/contacts/${record.contactId}`,
      { phones: [record.mobile, '+8613511112222'] },
      contact.json().version,
    );
    await patch(
      `/api/opportunities/${record.opportunityId}`,
      {
        expectedRevenue: { amount: String(record.revenue), currency: 'CNY' },
        expectedMargin: { amount: String(record.margin), currency: 'CNY' },
        stage: 'won',
      },
      opportunity.json().version,
    );
    await patch(
      `/api/shipments/${record.shipmentId}`,
      {
        revenue: { amount: String(record.shipmentRevenue), currency: 'USD' },
        cost: { amount: String(record.shipmentCost), currency: 'USD' },
      },
      shipment.json().version,
    );
    records[owner] = record;
  }

  /** Gives the caller's role these field rights (on top of reading everything). */
  async function grant(fieldRights: Permissions): Promise<void> {
    const res = await t.request('PATCH', `/api/roles/${role.id}`, {
      headers: { 'if-match': '*' },
      as: admin,
      body: { permissions: readerPermissions(fieldRights) },
    });
    if (res.statusCode !== 200) throw new Error(res.body);
  }

  return { admin, caller, mate, stranger, east, west, event, records, grant };
}
export type FieldRightsFixture = Awaited<ReturnType<typeof fieldRightsFixture>>;
export type { Session };
