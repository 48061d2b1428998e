import type { LightMyRequestResponse } from 'fastify';
import { type Session, type TestApp, testPassword } from '../harness';

/**
 * A small, realistic organisation built through the API, so that generated requests can name
 * records that exist. `ids` is keyed by the resource segment of the URL (`customers`, `notes`…)
 * and grows and shrinks as the fuzzer's own requests create and delete records.
 */
export interface Dataset {
  ids: Record<string, string[]>;
  /** Ids a path parameter must never take: the fuzzing admin itself and its session. */
  protectedIds: Set<string>;
  emails: string[];
  cursors: string[];
}

export const pdfBytes = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n', 'latin1');
export const customerCsv = '客户名称,电话,国家\n宁波海联国际物流有限公司,13800138001,CN\nBaltic Feeder Lines,,DE\n';

function created(response: LightMyRequestResponse, what: string): string {
  if (response.statusCode >= 300) throw new Error(`seeding ${what} failed: ${response.statusCode} ${response.body}`);
  return response.json().id as string;
}

export async function seedDataset(t: TestApp, admin: Session): Promise<Dataset> {
  const as = admin;
  const post = (url: string, body: unknown) => t.request('POST', url, { as, body });
  const upload = (url: string, form: FormData) =>
    t.app.inject({
      method: 'POST',
      url,
      payload: form as never,
      headers: { cookie: as.cookie, 'x-csrf-token': as.csrfToken },
    });

  const teamSouth = created(await post('/api/teams', { name: '华南销售部' }), 'team');
  const teamNorth = created(await post('/api/teams', { name: 'North Sales', parentId: teamSouth }), 'team');
  const rep = await t.userWithRole(admin, 'sales_rep', { teamId: teamSouth, name: '李雷' });
  const manager = await t.userWithRole(admin, 'sales_manager', { teamId: teamNorth, name: 'Anna Schmidt' });
  const roles = (await t.request('GET', '/api/roles?limit=200', { as })).json().items as { id: string; key: string }[];
  const customRole = created(
    await post('/api/roles', {
      key: 'fuzz_auditor',
      name: '审计员',
      nameEn: 'Auditor',
      permissions: { customers: { read: 'org' } },
    }),
    'role',
  );
  const apiKey = created(await post('/api/api-keys', { name: 'ERP sync', roleId: customRole }), 'api key');

  const customers = [
    created(
      await post('/api/customers', {
        name: '上海远洋国际货运有限公司',
        nameEn: 'Shanghai Ocean Forwarding',
        country: 'CN',
        phone: '13800138000',
        email: 'ops@shanghai-ocean.example',
        roles: ['shipper', 'consignee'],
        status: 'active',
        ownerId: rep.id,
        tradeProfile: { lanes: [{ pol: 'CNSHA', pod: 'USLAX', mode: 'fcl', volume: 120, volumeUnit: 'teu' }] },
      }),
      'customer',
    ),
    created(await post('/api/customers', { name: 'Hanseatic Freight GmbH', country: 'DE' }), 'customer'),
    created(await post('/api/customers', { name: '深圳前海供应链管理有限公司', ownerId: null }), 'customer'),
  ];
  const [mainCustomer, secondCustomer] = customers as [string, string, string];
  const contacts = [
    created(await post('/api/contacts', { customerId: mainCustomer, name: '王芳', email: 'wang@example.com' }), 'c'),
    created(await post('/api/contacts', { customerId: secondCustomer, name: 'Jonas Weber' }), 'contact'),
  ];
  const tags = [
    created(await post('/api/tags', { name: 'VIP' }), 'tag'),
    created(await post('/api/tags', { name: '冷链' }), 'tag'),
  ];
  await post('/api/customers/bulk-tags', { customerIds: [mainCustomer, secondCustomer], add: tags });
  const notes = [
    created(await post(`/api/customers/${mainCustomer}/notes`, { body: 'Quarterly review: volumes up 20%.' }), 'note'),
    // A colleague mentions the admin: the admin gets a notification and an email in the outbox.
    created(
      await t.request('POST', `/api/customers/${mainCustomer}/notes`, {
        as: rep,
        body: { body: '请跟进报价 @Admin', mentions: [admin.me.user.id] },
      }),
      'mention note',
    ),
  ];
  const pdf = new FormData();
  pdf.append('file', new Blob([pdfBytes]), 'contract.pdf');
  pdf.append('kind', 'contract');
  const attachments = [created(await upload(`/api/customers/${mainCustomer}/attachments`, pdf), 'attachment')];
  const csv = new FormData();
  csv.append('file', new Blob([customerCsv]), 'customers.csv');
  csv.append('entity', 'customers');
  const imports = [created(await upload('/api/imports', csv), 'import')];
  const segments = [
    created(await post('/api/segments', { name: 'Active shippers', filters: { status: 'active' } }), 'segment'),
  ];
  const savedViews = [
    created(
      await post('/api/saved-views', {
        resource: 'customers',
        name: '我的客户',
        state: { filters: { status: 'active' } },
      }),
      'saved view',
    ),
  ];
  await t.request('PUT', `/api/pool/rules?teamId=${teamSouth}`, {
    as,
    headers: { 'if-match': '*' },
    body: {
      enabled: true,
      protectionDays: 30,
      noFollowUpDays: 14,
      noDealDays: null,
      warnDaysBefore: 3,
      maxClaimedHeld: 10,
      maxClaimsPerDay: 3,
    },
  });

  // A shipment fed from a TMS names one consignee no customer matches: the unmatched queue has an entry.
  const feed = (
    await post('/api/shipments/batch', {
      items: [
        {
          source: 'tms',
          externalId: 'JOB-2026-0001',
          mode: 'fcl',
          masterBl: 'MAEU123456789',
          pol: 'CNSHA',
          pod: 'USLAX',
          etd: '2026-11-20T08:00:00Z',
          containers: [{ number: 'MSKU1234565', type: '40HQ' }],
          revenue: { amount: '2400.00', currency: 'USD' },
          cost: { amount: '12800.00', currency: 'CNY' },
          parties: [
            { role: 'shipper', customerId: mainCustomer },
            { role: 'consignee', name: 'Pacific Coast Imports LLC' },
          ],
        },
      ],
    })
  ).json() as { items: { id?: string; status: string }[] };
  const shipments = feed.items.flatMap((item) => (item.id ? [item.id] : []));
  if (shipments.length === 0) throw new Error(`seeding shipment failed: ${JSON.stringify(feed)}`);
  await post('/api/shipments/events', {
    events: [
      {
        eventId: 'ev-1',
        source: 'tms',
        externalId: 'JOB-2026-0001',
        type: 'departed',
        occurredAt: '2026-11-21T02:00:00Z',
      },
    ],
  });
  const unmatched = (await t.request('GET', '/api/shipment-parties/unmatched', { as })).json().items as {
    id: string;
  }[];
  await post('/api/exchange-rates', { base: 'USD', quote: 'CNY', rate: '7.1', date: '2026-11-01' });
  const webhooks = [
    created(
      await post('/api/webhooks', { url: 'https://93.184.216.34/berth', events: ['shipment.exception'] }),
      'webhook',
    ),
  ];
  const inboundHooks = [created(await post('/api/inbound-hooks', { source: 'carrier-feed' }), 'inbound hook')];

  const notifications = (await t.request('GET', '/api/notifications', { as }))
    .json()
    .items.map((n: { id: string }) => n.id);
  const outbox = (await t.request('GET', '/api/outbox', { as })).json().items.map((o: { id: string }) => o.id);
  // A second session of the admin may be ended; the one the fuzzer uses may not.
  await t.login(admin.me.user.email, testPassword);
  const sessions = (await t.request('GET', '/api/me/sessions', { as })).json().items as { id: string }[];
  const cursors = await realCursors(t, as);

  return {
    ids: {
      teams: [teamSouth, teamNorth],
      users: [rep.id, manager.id, admin.me.user.id],
      roles: [customRole, ...roles.map((r) => r.id)],
      'api-keys': [apiKey],
      customers,
      contacts,
      tags,
      notes,
      attachments,
      imports,
      segments,
      'saved-views': savedViews,
      notifications,
      outbox,
      sessions: sessions.map((s) => s.id),
      shipments,
      'shipment-parties': unmatched.map((party) => party.id),
      webhooks,
      'inbound-hooks': inboundHooks,
    },
    protectedIds: new Set([admin.me.user.id, sessionIdOf(admin)]),
    emails: [admin.me.user.email, rep.email, manager.email, 'nobody@example.com'],
    cursors,
  };
}

/** The session id is the middle part of the cookie token `org.session.secret`. */
function sessionIdOf(session: Session): string {
  const token = session.cookie.split('=')[1] ?? '';
  return token.split('.')[1] ?? '';
}

/** Genuine `nextCursor`s of a few lists, to be replayed against other lists and tampered with. */
async function realCursors(t: TestApp, as: Session): Promise<string[]> {
  const cursors: string[] = [];
  for (const url of ['/api/customers?limit=1', '/api/teams?limit=1', '/api/audit?limit=1', '/api/roles?limit=1']) {
    const next = (await t.request('GET', url, { as })).json().nextCursor;
    if (typeof next === 'string') cursors.push(next);
  }
  return cursors;
}
