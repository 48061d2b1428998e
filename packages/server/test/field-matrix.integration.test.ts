import { type Scope, scopes } from '@berth/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { covers, type FieldRightsFixture, fieldRightsFixture, type Owner, owners } from './field-rights-fixture';
import { startTestApp, type TestApp } from './harness';

/**
 * The field-level route matrix: every route that answers with a customer's billing and credit, a
 * contact's personal data, an opportunity's or a shipment's money or a history of their changes is
 * probed with a custom role holding personalData, revenue, costMargin and billingCredit read at each
 * scope (none, own, team, org), on records of the caller, a teammate and another team. (Each money
 * right on its own, against the others, is field-rights.integration.test.ts.) A guarded value shows exactly where the right covers
 * the record; a search for a hidden value finds nothing. Routes are found in the OpenAPI document
 * by the fields their answers can carry: a new one fails here until it is listed below.
 */
const guardedProperties = [
  'billing',
  'phones',
  'emails',
  'wechat',
  'birthday',
  'creditLimit',
  'expectedRevenue',
  'expectedMargin',
  'weightedRevenue',
  'weightedMargin',
  'wonRevenue',
  'revenue',
  'changes',
];

type Visible = (owner: Owner) => Promise<boolean>;
type Probe = (t: TestApp, f: FieldRightsFixture) => Visible | Promise<Visible>;

/** Answers with the same DTO as a read route probed here, built by the same function. */
const sameDto = (route: string) => ({ sameAs: route });

const json = async (t: TestApp, f: FieldRightsFixture, url: string) => {
  const res = await t.request('GET', url, { as: f.caller });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json();
};

const contactShown = (c: { phones: string[]; masked: boolean } | undefined, mobile: string) => {
  if (!c) throw new Error('contact missing');
  expect(c.masked).toBe(!c.phones.includes(mobile));
  return c.phones.includes(mobile);
};

/** A history's entries: each guarded column is either the real value or '***' on both sides. */
function historyShows(
  entries: { entity: string; changes: Record<string, [unknown, unknown]> | null }[],
  entity: string,
  column: string,
) {
  const pairs = entries.filter((e) => e.entity === entity && e.changes?.[column]).map((e) => e.changes?.[column]);
  if (pairs.length === 0) throw new Error(`no ${entity}.${column} change in the history`);
  const masked = pairs.filter((p) => p?.[0] === '***' && p?.[1] === '***').length;
  expect([0, pairs.length]).toContain(masked);
  return masked === 0;
}

const probes: Record<string, Probe | Record<string, Probe> | { sameAs: string }> = {
  'GET /api/customers': (t, f) => async (o) => {
    const items = (await json(t, f, '/api/customers?limit=200')).items as { id: string; billing: unknown }[];
    return items.find((c) => c.id === f.records[o].customerId)?.billing != null;
  },
  'GET /api/customers/{id}': (t, f) => async (o) =>
    (await json(t, f, `/api/customers/${f.records[o].customerId}`)).billing?.creditLimit?.amount ===
    `${f.records[o].creditLimit}.00`,
  'GET /api/segments/{id}/members': async (t, f) => {
    const segment = (
      await t.request('POST', '/api/segments', {
        as: f.admin,
        body: { name: `全部客户${Math.random()}`, shared: true },
      })
    ).json().id;
    return async (o) => {
      const items = (await json(t, f, `/api/segments/${segment}/members?limit=200`)).items as {
        id: string;
        billing: unknown;
      }[];
      return items.find((c) => c.id === f.records[o].customerId)?.billing != null;
    };
  },
  'GET /api/contacts': {
    list: (t, f) => async (o) => {
      const items = (await json(t, f, '/api/contacts?limit=200')).items as {
        id: string;
        phones: string[];
        masked: boolean;
      }[];
      return contactShown(
        items.find((c) => c.id === f.records[o].contactId),
        f.records[o].mobile,
      );
    },
    'search as oracle': (t, f) => async (o) => {
      const q = encodeURIComponent(f.records[o].mobile);
      return (await json(t, f, `/api/contacts?q=${q}`)).items.some(
        (c: { id: string }) => c.id === f.records[o].contactId,
      );
    },
  },
  'GET /api/contacts/{id}': (t, f) => async (o) =>
    contactShown(await json(t, f, `/api/contacts/${f.records[o].contactId}`), f.records[o].mobile),
  'GET /api/customers/{id}/contacts': (t, f) => async (o) =>
    contactShown(
      (await json(t, f, `/api/customers/${f.records[o].customerId}/contacts`)).items[0],
      f.records[o].mobile,
    ),
  'search GET /api/customers?q=': {
    'full mobile': (t, f) => async (o) =>
      (await json(t, f, `/api/customers?q=${f.records[o].mobileDigits}`)).items.some(
        (c: { id: string }) => c.id === f.records[o].customerId,
      ),
    'hidden middle digits': (t, f) => async (o) =>
      (await json(t, f, `/api/customers?q=${f.records[o].mobileDigits.slice(3, 8)}`)).items.some(
        (c: { id: string }) => c.id === f.records[o].customerId,
      ),
    'email local part': (t, f) => async (o) =>
      (await json(t, f, `/api/customers?q=${f.records[o].email.split('@')[0]}`)).items.some(
        (c: { id: string }) => c.id === f.records[o].customerId,
      ),
    'two-character word start': (t, f) => async (o) => {
      // WeChat ids start with "wx" on all three; a hit must come only from records in scope.
      const ids = (await json(t, f, '/api/customers?q=wx&limit=200')).items.map((c: { id: string }) => c.id);
      return ids.includes(f.records[o].customerId);
    },
  },
  'GET /api/customers/{id}/timeline': {
    'contact phones': (t, f) => async (o) =>
      historyShows(
        (await json(t, f, `/api/customers/${f.records[o].customerId}/timeline`)).items,
        'contacts',
        'phones',
      ),
    billing: (t, f) => async (o) =>
      historyShows(
        (await json(t, f, `/api/customers/${f.records[o].customerId}/timeline`)).items,
        'customers',
        'billing',
      ),
    'opportunity revenue': (t, f) => async (o) =>
      historyShows(
        (await json(t, f, `/api/customers/${f.records[o].customerId}/timeline`)).items,
        'opportunities',
        'expected_revenue',
      ),
    'opportunity margin': (t, f) => async (o) =>
      historyShows(
        (await json(t, f, `/api/customers/${f.records[o].customerId}/timeline`)).items,
        'opportunities',
        'expected_margin',
      ),
    'credit limit': (t, f) => async (o) =>
      historyShows(
        (await json(t, f, `/api/customers/${f.records[o].customerId}/timeline`)).items,
        'customers',
        'credit_limit',
      ),
  },
  'GET /api/audit': {
    'contact phones': (t, f) => async (o) =>
      historyShows((await json(t, f, `/api/audit?entityId=${f.records[o].contactId}`)).items, 'contacts', 'phones'),
    billing: (t, f) => async (o) =>
      historyShows((await json(t, f, `/api/audit?entityId=${f.records[o].customerId}`)).items, 'customers', 'billing'),
    'opportunity revenue': (t, f) => async (o) =>
      historyShows(
        (await json(t, f, `/api/audit?entityId=${f.records[o].opportunityId}`)).items,
        'opportunities',
        'expected_revenue',
      ),
    'opportunity margin': (t, f) => async (o) =>
      historyShows(
        (await json(t, f, `/api/audit?entityId=${f.records[o].opportunityId}`)).items,
        'opportunities',
        'expected_margin',
      ),
    'shipment revenue': (t, f) => async (o) =>
      historyShows(
        (await json(t, f, `/api/audit?entityId=${f.records[o].shipmentId}`)).items,
        'shipments',
        'revenue_amount',
      ),
    'shipment cost': (t, f) => async (o) =>
      historyShows(
        (await json(t, f, `/api/audit?entityId=${f.records[o].shipmentId}`)).items,
        'shipments',
        'cost_amount',
      ),
  },
  'GET /api/opportunities': (t, f) => async (o) => {
    const items = (await json(t, f, '/api/opportunities?limit=200')).items as {
      id: string;
      expectedRevenue: unknown;
    }[];
    return items.find((x) => x.id === f.records[o].opportunityId)?.expectedRevenue != null;
  },
  'GET /api/opportunities/{id}': (t, f) => async (o) => {
    const opportunity = await json(t, f, `/api/opportunities/${f.records[o].opportunityId}`);
    // All money rights are granted at one scope here: revenue and margin show together or not at all.
    expect(opportunity.expectedMargin === null).toBe(opportunity.expectedRevenue === null);
    return opportunity.expectedRevenue?.amount === `${f.records[o].revenue}.00`;
  },
  'GET /api/shipments': (t, f) => async (o) => {
    const items = (await json(t, f, '/api/shipments?limit=200')).items as { id: string; revenue: unknown }[];
    return items.find((x) => x.id === f.records[o].shipmentId)?.revenue != null;
  },
  'GET /api/shipments/{id}': (t, f) => async (o) => {
    const shipment = await json(t, f, `/api/shipments/${f.records[o].shipmentId}`);
    expect(shipment.cost === null).toBe(shipment.revenue === null);
    return shipment.cost?.amount === `${f.records[o].shipmentCost}.00`;
  },
  'GET /api/customers/{id}/shipments': (t, f) => async (o) => {
    const items = (await json(t, f, `/api/customers/${f.records[o].customerId}/shipments`)).items;
    return items[0]?.revenue?.amount === `${f.records[o].shipmentRevenue}.00`;
  },
  'GET /api/reports/shipments': (t, f) => async (o) => {
    // Grouped by customer, in the shipments' own currency: the customer's row shows revenue only when visible.
    const report = await json(t, f, '/api/reports/shipments?groupBy=customer&currency=USD');
    const row = (report.groups as { key: string; revenue: { amount: string } | null }[]).find(
      (g) => g.key === f.records[o].customerId,
    );
    if (!row) return false;
    // A hidden amount is left out of the sum (0.00 with moneyHidden counting it), never shown.
    expect([null, '0.00', `${f.records[o].shipmentRevenue}.00`]).toContain(row.revenue?.amount ?? null);
    return row.revenue?.amount === `${f.records[o].shipmentRevenue}.00`;
  },
  'GET /api/opportunities/forecast': (t, f) => async (o) => {
    // Grouped by owner: the owner's row shows the won revenue only when it is visible.
    const owner = { self: f.caller.id, mate: f.mate.id, other: f.stranger.id }[o];
    const rows = (await json(t, f, '/api/opportunities/forecast?groupBy=owner')).items as {
      key: string;
      wonRevenue: { amount: string } | null;
    }[];
    const won = rows.find((r) => r.key === owner)?.wonRevenue?.amount ?? null;
    expect([null, '0.00', `${f.records[o].revenue}.00`]).toContain(won);
    return won === `${f.records[o].revenue}.00`;
  },
  'GET /api/sales-events/{id}/report': (t, f) => async (o) => {
    const report = await json(t, f, `/api/sales-events/${f.event}/report`);
    const total = (report.wonRevenue ?? []).reduce((sum: number, r: { amount: string }) => sum + Number(r.amount), 0);
    const expected = owners
      .filter((x) => x !== o && report.wonRevenue && visibleNow(x))
      .map((x) => f.records[x].revenue);
    // The total is the sum of exactly the visible opportunities: with this one or without it.
    const others = expected.reduce((a, b) => a + b, 0);
    expect([others, others + f.records[o].revenue]).toContain(total);
    return total === others + f.records[o].revenue;
  },
  'GET /api/customers/export': (t, f) => async (o) => {
    const res = await t.request('GET', '/api/customers/export?format=csv', { as: f.caller });
    expect(res.statusCode).toBe(200);
    // The export carries neither billing nor contacts' personal data, whatever the rights; its open-pipeline
    // columns sum open opportunities only, and these are won (their rights are proven by customer-list-columns).
    expect(res.body).not.toContain(f.records[o].mobileDigits);
    expect(res.body).not.toContain(String(f.records[o].creditLimit));
    expect(res.body).not.toContain(String(f.records[o].revenue));
    return visibleNow(o);
  },
  // Writes answer with the DTO of the read route (the same function masks both).
  'POST /api/customers': sameDto('GET /api/customers/{id}'),
  'PATCH /api/customers/{id}': sameDto('GET /api/customers/{id}'),
  'POST /api/customers/{id}/merge': sameDto('GET /api/customers/{id}'),
  'POST /api/customers/{id}/claim': sameDto('GET /api/customers/{id}'),
  'POST /api/customers/{id}/assign': sameDto('GET /api/customers/{id}'),
  'POST /api/contacts': sameDto('GET /api/contacts/{id}'),
  'PATCH /api/contacts/{id}': sameDto('GET /api/contacts/{id}'),
  'POST /api/opportunities': sameDto('GET /api/opportunities/{id}'),
  'PATCH /api/opportunities/{id}': sameDto('GET /api/opportunities/{id}'),
  'POST /api/shipments': sameDto('GET /api/shipments/{id}'),
  'PATCH /api/shipments/{id}': sameDto('GET /api/shipments/{id}'),
};

/** The scope granted in the current phase; visibility expected for an owner under it. */
let phase: Scope | null = null;
const visibleNow = (o: Owner) => covers(phase, o);

/** Every property name a JSON schema can carry, through $refs, arrays and unions. */
function propertyNames(schema: unknown, components: Record<string, unknown>, seen = new Set<unknown>()): Set<string> {
  const names = new Set<string>();
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const n = node as Record<string, unknown>;
    if (typeof n.$ref === 'string') walk(components[n.$ref.split('/').pop() as string]);
    if (n.properties && typeof n.properties === 'object') {
      for (const [key, value] of Object.entries(n.properties)) {
        names.add(key);
        walk(value);
      }
    }
    for (const key of ['items', 'additionalProperties', 'anyOf', 'oneOf', 'allOf', 'not']) {
      const child = n[key];
      if (Array.isArray(child)) child.forEach(walk);
      else walk(child);
    }
  };
  walk(schema);
  return names;
}

describe('field-level route matrix', () => {
  let t: TestApp;
  let f: FieldRightsFixture;
  const built: Record<string, Visible> = {};

  beforeAll(async () => {
    t = await startTestApp();
    f = await fieldRightsFixture(t);
    for (const [route, probe] of Object.entries(probes)) {
      if (typeof probe === 'function') built[route] = await probe(t, f);
      else if (!('sameAs' in probe)) {
        for (const [name, p] of Object.entries(probe)) built[`${route} (${name})`] = await (p as Probe)(t, f);
      }
    }
  }, 300_000);
  afterAll(() => t.close());

  it('lists every route whose answer can carry a guarded field', async () => {
    const doc = (await t.request('GET', '/api/openapi.json')).json();
    const components = doc.components?.schemas ?? {};
    const carrying: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const [method, op] of Object.entries(methods)) {
        const responses = (op as { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> })
          .responses;
        const schemas = Object.entries(responses ?? {})
          .filter(([status]) => status.startsWith('2'))
          .flatMap(([, r]) => Object.values(r.content ?? {}).map((c) => c.schema));
        const names = new Set(schemas.flatMap((s) => [...propertyNames(s, components)]));
        if (guardedProperties.some((p) => names.has(p))) carrying.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(carrying.length).toBeGreaterThan(5);
    const listed = new Set(Object.keys(probes).map((k) => k.replace(/^search /, '').replace(/\?.*$/, '')));
    expect(carrying.filter((route) => !listed.has(route))).toEqual([]);
    for (const probe of Object.values(probes)) {
      if (typeof probe === 'object' && 'sameAs' in probe) expect(Object.keys(probes)).toContain(probe.sameAs);
    }
  });

  describe.each([null, ...scopes] as (Scope | null)[])('with the field rights at scope %s', (scope) => {
    beforeAll(async () => {
      phase = scope;
      await f.grant(
        scope
          ? {
              personalData: { read: scope },
              revenue: { read: scope },
              costMargin: { read: scope },
              billingCredit: { read: scope },
            }
          : {},
      );
    });

    it.each(owners)(
      'shows guarded fields of a record owned by %s exactly where the right covers it',
      async (o) => {
        const seen: Record<string, boolean> = {};
        for (const [route, visible] of Object.entries(built)) seen[route] = await visible(o);
        const expected = Object.fromEntries(Object.keys(built).map((route) => [route, covers(scope, o)]));
        expect(seen).toEqual(expected);
      },
      300_000,
    );
  });
});
