import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notify } from '../src/modules/notifications/notify';
import { createOrganization } from '../src/modules/setup/create-organization';
import { systemCtx } from '../src/platform/context';
import { permissionsOf } from '../src/platform/http/access';
import { queueEmail } from '../src/platform/outbox/outbox';
import { type Session, startTestApp, type TestApp, testPassword } from './harness';

/**
 * Every route of the OpenAPI document, three ways: without signing in (401), with a role that
 * lacks the route's permission (403), and from another organisation (never this one's data).
 * A new route without an entry in `sampleBodies` / `idFor` fails here until it is covered.
 */
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
interface Operation {
  method: Method;
  path: string;
}

const sampleBodies: Record<string, unknown> = {
  'POST /api/setup': {
    organization: { name: 'X' },
    admin: { name: 'X', email: 'x@example.com', password: testPassword },
  },
  'POST /api/auth/login': { email: 'x@example.com', password: 'x' },
  'POST /api/auth/logout': undefined,
  'PATCH /api/me': { name: 'Renamed' },
  'POST /api/me/password': { currentPassword: 'wrong-password-1', newPassword: 'New-password-123' },
  'POST /api/users': {
    email: 'new@example.com',
    name: 'New',
    password: testPassword,
    roleId: '00000000-0000-7000-8000-000000000000',
  },
  'PATCH /api/users/{id}': { name: 'Hacked' },
  'POST /api/teams': { name: 'Team from elsewhere' },
  'PATCH /api/teams/{id}': { name: 'Hacked' },
  'POST /api/roles': { key: 'probe', name: '探针', nameEn: 'Probe', permissions: {} },
  'PATCH /api/roles/{id}': { name: 'Hacked' },
  'POST /api/api-keys': { name: 'probe', roleId: '00000000-0000-7000-8000-000000000000' },
  'POST /api/customers': { name: 'Probe Logistics' },
  'PATCH /api/customers/{id}': { name: 'Hacked' },
  'POST /api/customers/{id}/merge': { sourceId: '00000000-0000-7000-8000-000000000000' },
  'POST /api/customers/bulk-tags': { customerIds: ['00000000-0000-7000-8000-000000000000'], add: [] },
  'POST /api/contacts': { customerId: '00000000-0000-7000-8000-000000000000', name: 'Probe' },
  'PATCH /api/contacts/{id}': { name: 'Hacked' },
  'POST /api/tags': { name: 'Probe tag' },
  'POST /api/imports': undefined,
  'POST /api/imports/preview': undefined,
  'PATCH /api/tags/{id}': { name: 'Hacked' },
  'PUT /api/pool/rules': {
    enabled: true,
    protectionDays: 1,
    noFollowUpDays: 1,
    noDealDays: null,
    warnDaysBefore: 0,
    maxClaimedHeld: 0,
    maxClaimsPerDay: 0,
  },
  'POST /api/customers/{id}/claim': undefined,
  'POST /api/customers/{id}/release': { reason: 'probe' },
  'POST /api/customers/{id}/assign': { ownerId: '00000000-0000-7000-8000-000000000000' },
  'POST /api/customers/handover': {
    fromUserId: '00000000-0000-7000-8000-000000000000',
    toUserId: '00000000-0000-7000-8000-000000000001',
  },
  'POST /api/customers/{id}/notes': { body: 'Probe note' },
  'PATCH /api/notes/{id}': { body: 'Hacked' },
  // Multipart: the customer is checked before the upload is read, so no file is needed to get 401/403/404.
  'POST /api/customers/{id}/attachments': undefined,
  'POST /api/contacts/{id}/attachments': undefined,
  'POST /api/opportunities/{id}/attachments': undefined,
  'POST /api/notifications/{id}/read': undefined,
  'POST /api/notifications/read-all': undefined,
  'POST /api/segments': { name: 'Probe segment', filters: { status: 'active' } },
  'PATCH /api/segments/{id}': { name: 'Hacked' },
  'POST /api/saved-views': { resource: 'customers', name: 'Probe view', state: { filters: {} } },
  'PATCH /api/saved-views/{id}': { name: 'Hacked' },
  'POST /api/sales-events': {
    kind: 'trade_show',
    name: 'Probe show',
    startsAt: '2031-05-01T01:00:00Z',
    endsAt: '2031-05-01T09:00:00Z',
  },
  'PATCH /api/sales-events/{id}': { name: 'Hacked' },
  'PUT /api/sales-events/{id}/participants': { userIds: [] },
  'PUT /api/sales-events/{id}/shifts': { shifts: [] },
  'PUT /api/sales-events/{id}/checklist': { items: [{ text: 'Hacked' }] },
  'POST /api/sales-events/{id}/leads': { companyName: 'Probe prospect' },
  'POST /api/prospects/assign': {
    customerIds: ['00000000-0000-7000-8000-000000000000'],
    userIds: ['00000000-0000-7000-8000-000000000001'],
    mode: 'manual',
  },
  'POST /api/activities': {
    customerId: '00000000-0000-7000-8000-000000000000',
    kind: 'call',
    subject: 'Probe call',
    occurredAt: '2026-01-05T08:00:00Z',
  },
  'PATCH /api/activities/{id}': { subject: 'Hacked' },
  'POST /api/tasks': { title: 'Probe task' },
  'PATCH /api/tasks/{id}': { title: 'Hacked' },
  'POST /api/next-step-rules': { stageKey: 'inquiry', kind: 'no_activity', days: 1 },
  'PATCH /api/next-step-rules/{id}': { days: 9 },
  'POST /api/calendar/feed': undefined,
  'POST /api/opportunities': {
    title: 'Probe opportunity',
    customerId: '00000000-0000-7000-8000-000000000000',
    source: 'referral',
  },
  'PATCH /api/opportunities/{id}': { stage: 'won' },
  'PUT /api/opportunities/stages': {
    items: [{ key: 'inquiry', nameZh: '探针', nameEn: 'Probe', probability: 10 }],
  },
  'POST /api/opportunities/lost-reasons': { nameZh: '探针', nameEn: 'Probe' },
  'PATCH /api/opportunities/lost-reasons/{id}': { nameZh: 'Hacked' },
  'POST /api/inquiries': {
    customerId: '00000000-0000-7000-8000-000000000000',
    pol: 'CNSHA',
    pod: 'USLAX',
    mode: 'fcl',
  },
  'POST /api/exchange-rates': { base: 'USD', quote: 'CNY', rate: '7.1', date: '2026-12-01' },
  'POST /api/shipments': { externalId: 'PROBE-1', mode: 'fcl' },
  'PATCH /api/shipments/{id}': { vessel: 'Hacked' },
  'POST /api/shipments/batch': { items: [{ source: 'tms', externalId: 'PROBE-JOB', mode: 'fcl' }] },
  'POST /api/shipments/events': {
    events: [
      {
        eventId: 'probe-1',
        source: 'tms',
        externalId: 'Org A JOB-1',
        type: 'departed',
        occurredAt: '2026-12-01T00:00:00Z',
      },
    ],
  },
  'POST /api/shipment-parties/unmatched/{id}/link': { customerId: '00000000-0000-7000-8000-000000000000' },
  'POST /api/shipment-parties/unmatched/{id}/create': undefined,
  'POST /api/shipment-parties/unmatched/{id}/ignore': undefined,
  'POST /api/webhooks': { url: 'https://203.0.113.20/hook', events: ['shipment.created'] },
  'PATCH /api/webhooks/{id}': { description: 'Hacked' },
  'POST /api/webhooks/{id}/deliveries/{deliveryId}/replay': undefined,
  'POST /api/webhooks/{id}/secret': undefined,
  'PATCH /api/org-settings': { shipmentDelayHours: 48 },
  'POST /api/database/upkeep': undefined,
  'POST /api/inbound-hooks': { source: 'probe' },
  'POST /api/data-quality/duplicate-dismissals': {
    kind: 'name',
    key: 'probe',
    customerIds: ['00000000-0000-7000-8000-000000000000', '00000000-0000-7000-8000-000000000001'],
  },
};

describe('every route checks authentication, permission and tenant', () => {
  let t: TestApp;
  let adminA: Session;
  let adminB: Session;
  let noRights: Session;
  let operations: Operation[];
  const idsA: Record<string, string> = {};
  /** A second customer of org A, the one a merge preview names. */
  let mergeSourceA = '';

  beforeAll(async () => {
    t = await startTestApp();
    adminA = await t.setup('Org A');
    const team = (await t.request('POST', '/api/teams', { as: adminA, body: { name: 'A-team' } })).json();
    idsA.teams = team.id;
    const rep = await t.userWithRole(adminA, 'sales_rep', { teamId: team.id });
    idsA.users = rep.id;
    const roles = (await t.request('GET', '/api/roles', { as: adminA })).json().items;
    idsA.roles = roles.find((r: { key: string }) => r.key === 'sales_rep').id;
    idsA['api-keys'] = (
      await t.request('POST', '/api/api-keys', { as: adminA, body: { name: 'A key', roleId: idsA.roles } })
    ).json().id;
    idsA.outbox = await queueEmail(systemCtx(t.db, adminA.me.organization.id), {
      to: 'a@example.com',
      subject: 'A',
      body: 'A',
    });
    await t.server.deps.jobs.runDue();
    idsA.sessions = (await t.request('GET', '/api/me/sessions', { as: rep })).json().items[0].id;
    idsA.customers = (
      await t.request('POST', '/api/customers', { as: adminA, body: { name: 'Org A 海运客户', phone: '13800138000' } })
    ).json().id;
    idsA.contacts = (
      await t.request('POST', '/api/contacts', { as: adminA, body: { customerId: idsA.customers, name: 'A contact' } })
    ).json().id;
    const sameNumber = (
      await t.request('POST', '/api/customers', { as: adminA, body: { name: 'Org A 空运客户', phone: '13800138000' } })
    ).json().id;
    mergeSourceA = sameNumber;
    idsA['data-quality'] = (
      await t.request('POST', '/api/data-quality/duplicate-dismissals', {
        as: adminA,
        body: { kind: 'phone', key: '+8613800138000', customerIds: [idsA.customers, sameNumber] },
      })
    ).json().id;
    idsA.tags = (await t.request('POST', '/api/tags', { as: adminA, body: { name: 'Org A VIP' } })).json().id;
    idsA.notes = (
      await t.request('POST', `/api/customers/${idsA.customers}/notes`, { as: adminA, body: { body: 'Org A note' } })
    ).json().id;
    const attachmentForm = new FormData();
    attachmentForm.append('file', new Blob(['%PDF-1.4\nOrg A contract\n']), 'a.pdf');
    idsA.attachments = (
      await t.app.inject({
        method: 'POST',
        url: `/api/customers/${idsA.customers}/attachments`,
        payload: attachmentForm as never,
        headers: { cookie: adminA.cookie, 'x-csrf-token': adminA.csrfToken },
      })
    ).json().id;
    await notify(systemCtx(t.db, adminA.me.organization.id), [
      {
        userId: adminA.me.user.id,
        kind: 'note.mention',
        params: { author: 'A', customer: 'Org A 海运客户', excerpt: 'A' },
      },
    ]);
    idsA.notifications = (await t.request('GET', '/api/notifications', { as: adminA })).json().items[0].id;
    idsA.segments = (
      await t.request('POST', '/api/segments', { as: adminA, body: { name: 'Org A segment', shared: true } })
    ).json().id;
    idsA['saved-views'] = (
      await t.request('POST', '/api/saved-views', {
        as: adminA,
        body: { resource: 'customers', name: 'Org A view', shared: true, state: { filters: { status: 'active' } } },
      })
    ).json().id;
    const form = new FormData();
    form.append('file', new Blob(['客户名称\nOrg A 导入客户\n']), 'a.csv');
    idsA.imports = (
      await t.app.inject({
        method: 'POST',
        url: '/api/imports',
        payload: form as never,
        headers: { cookie: adminA.cookie, 'x-csrf-token': adminA.csrfToken },
      })
    ).json().id;
    idsA.activities = (
      await t.request('POST', '/api/activities', {
        as: adminA,
        body: { customerId: idsA.customers, kind: 'call', subject: 'Org A call', occurredAt: new Date().toISOString() },
      })
    ).json().id;
    idsA.tasks = (await t.request('POST', '/api/tasks', { as: adminA, body: { title: 'Org A task' } })).json().id;
    idsA['next-step-rules'] = (await t.request('GET', '/api/next-step-rules', { as: adminA })).json().items[0].id;
    await t.request('POST', '/api/customers/bulk-tags', {
      as: adminA,
      body: { customerIds: [idsA.customers], add: [idsA.tags] },
    });
    idsA.opportunities = (
      await t.request('POST', '/api/inquiries', {
        as: adminA,
        body: { customerId: idsA.customers, pol: 'CNSHA', pod: 'USLAX', mode: 'fcl', message: 'Org A inquiry' },
      })
    ).json().opportunityId;
    idsA['lost-reasons'] = (
      await t.request('GET', '/api/opportunities/lost-reasons', { as: adminA })
    ).json().items[0].id;

    idsA['sales-events'] = (
      await t.request('POST', '/api/sales-events', {
        as: adminA,
        body: {
          kind: 'trade_show',
          name: 'Org A 展会',
          startsAt: '2031-05-01T01:00:00Z',
          endsAt: '2031-05-01T09:00:00Z',
          participantIds: [rep.id],
        },
      })
    ).json().id;

    const fed = await t.request('POST', '/api/shipments/batch', {
      as: adminA,
      body: {
        items: [
          {
            source: 'tms',
            externalId: 'Org A JOB-1',
            mode: 'fcl',
            parties: [
              { role: 'shipper', customerId: idsA.customers },
              { role: 'consignee', name: 'Org A Consignee GmbH' },
            ],
          },
        ],
      },
    });
    idsA.shipments = fed.json().items[0].id;
    idsA['shipment-parties'] = (
      await t.request('GET', '/api/shipment-parties/unmatched', { as: adminA })
    ).json().items[0].id;
    idsA.webhooks = (
      await t.request('POST', '/api/webhooks', {
        as: adminA,
        body: { url: 'https://203.0.113.10/org-a-hook', events: ['shipment.created'] },
      })
    ).json().id;
    await t.request('POST', '/api/exchange-rates', {
      as: adminA,
      body: { base: 'USD', quote: 'CNY', rate: '7.1', date: '2026-12-01' },
    });

    const empty = await t.request('POST', '/api/roles', {
      as: adminA,
      body: { key: 'nothing', name: '无权限', nameEn: 'No rights', permissions: {} },
    });
    const email = 'norights@example.com';
    await t.request('POST', '/api/users', {
      as: adminA,
      body: { email, name: 'No rights', password: testPassword, roleId: empty.json().id },
    });
    noRights = await t.login(email);

    await createOrganization(
      t.db,
      { organization: { name: 'Org B' }, admin: { name: 'B', email: 'admin@org-b.example', password: testPassword } },
      { onlyIfFirst: false },
    );
    adminB = await t.login('admin@org-b.example');

    const doc = (await t.request('GET', '/api/openapi.json')).json();
    operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => ({ method: m.toUpperCase() as Method, path })))
      .filter((op) => op.path.startsWith('/api/'));
  });
  afterAll(() => t.close());

  const idFor = (path: string): string => {
    const key = path.startsWith('/api/me/sessions')
      ? 'sessions'
      : path.startsWith('/api/opportunities/lost-reasons')
        ? 'lost-reasons'
        : (path.split('/')[2] as string);
    const id = idsA[key];
    if (!id) throw new Error(`no record of org A for ${path}: add one to the route matrix`);
    return id;
  };
  const urlOf = (op: Operation) =>
    (op.path.includes('{id}') ? op.path.replace('{id}', idFor(op.path)) : op.path)
      // An exchange rate is named by its pair and day: org A's USD/CNY rate of 2026-12-01.
      .replace('{base}', 'USD')
      .replace('{quote}', 'CNY')
      .replace('{date}', '2026-12-01')
      .replace('{deliveryId}', '00000000-0000-7000-8000-000000000000')
      // The global search looks for org A's records by name.
      .replace(/^\/api\/search$/, '/api/search?q=Org%20A')
      // A merge preview names the record to merge in: org A's second customer.
      .replace(/\/merge-preview$/, `/merge-preview?sourceId=${mergeSourceA}`);
  const access = (op: Operation) => {
    const entry = t.server.deps.routeTable.find(
      (r) => r.method === op.method && r.url === op.path.replace(/\{(\w+)\}/g, ':$1'),
    );
    if (!entry) throw new Error(`${op.method} ${op.path} is in the OpenAPI document but has no access rule`);
    return entry.access;
  };
  const bodyFor = (op: Operation) => {
    const key = `${op.method} ${op.path}`;
    if (op.method !== 'GET' && op.method !== 'DELETE' && !(key in sampleBodies) && !op.path.endsWith('/retry')) {
      throw new Error(`no sample body for ${key}: add one to the route matrix`);
    }
    return sampleBodies[key];
  };

  it('documents every API route in OpenAPI 3.1', async () => {
    const doc = (await t.request('GET', '/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    const documented = new Set(operations.map((o) => `${o.method} ${o.path.replace(/\{(\w+)\}/g, ':$1')}`));
    for (const route of t.server.deps.routeTable) {
      expect(documented.has(`${route.method} ${route.url}`), `${route.method} ${route.url}`).toBe(true);
    }
    expect(operations.length).toBeGreaterThan(20);
  });

  it('answers 401 to anonymous calls on every route that is not public', async () => {
    for (const op of operations) {
      if ('public' in access(op)) continue;
      const response = await t.request(op.method, urlOf(op), { body: bodyFor(op) });
      expect(response.statusCode, `${op.method} ${op.path}`).toBe(401);
      expect(response.json().code).toBe('auth.unauthenticated');
    }
  });

  it('answers 403 on every permission-guarded route to a role without that permission', async () => {
    let checked = 0;
    for (const op of operations) {
      if (permissionsOf(access(op)).length === 0) continue;
      const response = await t.request(op.method, urlOf(op), { as: noRights, body: bodyFor(op) });
      expect(response.statusCode, `${op.method} ${op.path}`).toBe(403);
      expect(response.json().code).toBe('permission.denied');
      checked++;
    }
    expect(checked).toBeGreaterThan(15);
  });

  it("never shows or changes one organisation's records to another", async () => {
    const before = (await t.request('GET', '/api/audit?limit=200', { as: adminA })).json().items.length;
    const secretsA = Object.values(idsA);
    for (const op of operations) {
      if ('public' in access(op) || op.path === '/api/auth/logout') continue;
      // With If-Match, as an attacker would send it: the update reaches the scope check itself.
      const headers: Record<string, string> = op.method === 'PATCH' || op.method === 'PUT' ? { 'if-match': '*' } : {};
      const response = await t.request(op.method, urlOf(op), { as: adminB, body: bodyFor(op), headers });
      const label = `${op.method} ${op.path} → ${response.statusCode}`;
      expect(response.statusCode, label).toBeLessThan(500);
      if (op.path.includes('{id}')) expect(response.statusCode, label).toBe(404);
      // `instance` echoes the URL the caller sent; everything else must be free of org A's data.
      const isJson = String(response.headers['content-type'] ?? '').includes('json');
      const body = !response.body
        ? ''
        : isJson
          ? JSON.stringify({ ...response.json(), instance: undefined })
          : response.body;
      for (const id of secretsA) expect(body, label).not.toContain(id);
      expect(body, label).not.toContain('Org A');
    }
    // Org A's records are unchanged and its audit log gained nothing from org B's attempts.
    const userA = (await t.request('GET', `/api/users/${idsA.users}`, { as: adminA })).json();
    expect(userA.name).toBe('sales_rep');
    const teamA = (await t.request('GET', `/api/teams/${idsA.teams}`, { as: adminA })).json();
    expect(teamA.name).toBe('A-team');
    const customerA = (await t.request('GET', `/api/customers/${idsA.customers}`, { as: adminA })).json();
    expect(customerA).toMatchObject({ name: 'Org A 海运客户', version: 1, tagIds: [idsA.tags] });
    const csvFromB = await t.request('GET', '/api/customers/export?format=csv', { as: adminB });
    expect(csvFromB.statusCode).toBe(200);
    expect(csvFromB.body).not.toContain('Org A');
    const dupFromB = await t.request('GET', '/api/customers/duplicates?name=Org%20A%20海运客户&phone=13800138000', {
      as: adminB,
    });
    expect(dupFromB.json().items).toEqual([]);
    const after = (await t.request('GET', '/api/audit?limit=200', { as: adminA })).json().items.length;
    expect(after).toBe(before);
  });
});
