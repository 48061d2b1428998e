import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { notificationText } from '@berth/domain';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';
import { notificationsOf } from '../../../test/storage';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on loopback that answers `status()` and keeps what it got. */
async function receiver(status: () => number) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(status()).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('webhooks', () => {
  let t: TestApp;
  let admin: Session;
  let ok: Awaited<ReturnType<typeof receiver>>;
  let failing: Awaited<ReturnType<typeof receiver>>;
  let customerId: string;

  beforeAll(async () => {
    t = await startTestApp({ WEBHOOKS_ALLOW_PRIVATE_NETWORK: 'true' });
    admin = await t.setup('钩子货代 Hooks Forwarding');
    ok = await receiver(() => 204);
    failing = await receiver(() => 500);
    customerId = (
      await t.request('POST', '/api/customers', { as: admin, body: { name: '青岛港湾贸易有限公司' } })
    ).json().id;
  });
  afterAll(async () => {
    await ok.close();
    await failing.close();
    await t.close();
  });

  /** Runs queued jobs until none is due: event subscribers first, then the deliveries they queue. */
  const drain = async () => {
    for (let round = 0; round < 5; round++) await t.server.deps.jobs.runDue();
  };

  it('delivers a shipment exception signed with the Standard Webhooks scheme, and logs it', async () => {
    const created = await t.request('POST', '/api/webhooks', {
      as: admin,
      body: { url: ok.url, events: ['shipment.exception'], description: 'TMS' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, secret } = created.json();
    expect(secret).toMatch(/^whsec_/);
    expect((await t.request('GET', `/api/webhooks/${id}`, { as: admin })).json().secret).toBeUndefined();

    await t.request('POST', '/api/shipments/batch', {
      as: admin,
      body: { items: [{ source: 'tms', externalId: 'H-1', mode: 'fcl', parties: [{ role: 'shipper', customerId }] }] },
    });
    await t.request('POST', '/api/shipments/events', {
      as: admin,
      body: {
        events: [
          { eventId: 'r1', source: 'tms', externalId: 'H-1', type: 'rolled', occurredAt: '2026-12-03T00:00:00Z' },
        ],
      },
    });
    await drain();
    expect(ok.received).toHaveLength(1);
    const [message] = ok.received as [Received];
    expect(message.headers['webhook-signature']).toMatch(/^v1,/);
    const verified = new Webhook(secret).verify(message.body, {
      'webhook-id': String(message.headers['webhook-id']),
      'webhook-timestamp': String(message.headers['webhook-timestamp']),
      'webhook-signature': String(message.headers['webhook-signature']),
    }) as { type: string; data: { type: string; eventId: string; customerId: string } };
    expect(verified).toMatchObject({ type: 'shipment.exception', data: { type: 'rolled', eventId: 'r1', customerId } });
    // A tampered body does not verify.
    expect(() =>
      new Webhook(secret).verify(message.body.replace('rolled', 'lost'), {
        'webhook-id': String(message.headers['webhook-id']),
        'webhook-timestamp': String(message.headers['webhook-timestamp']),
        'webhook-signature': String(message.headers['webhook-signature']),
      }),
    ).toThrow();
    const log = (await t.request('GET', `/api/webhooks/${id}/deliveries`, { as: admin })).json().items;
    expect(log).toMatchObject([{ event: 'shipment.exception', status: 'delivered', attempts: 1, lastStatusCode: 204 }]);
    // Replay sends the same message id again.
    await t.request('POST', `/api/webhooks/${id}/deliveries/${log[0].id}/replay`, { as: admin });
    await drain();
    expect(ok.received).toHaveLength(2);
    expect(ok.received[1]?.headers['webhook-id']).toBe(message.headers['webhook-id']);
  });

  it('relays customer.created, customer.updated and customer.merged with the organisation-level payload only', async () => {
    const receiverOfCustomers = await receiver(() => 204);
    try {
      const created = await t.request('POST', '/api/webhooks', {
        as: admin,
        body: { url: receiverOfCustomers.url, events: ['customer.created', 'customer.updated', 'customer.merged'] },
      });
      expect(created.statusCode, created.body).toBe(201);
      const kept = (
        await t.request('POST', '/api/customers', {
          as: admin,
          body: { name: '烟台北方物流有限公司', email: 'ops@yantai-north.cn' },
        })
      ).json();
      expect(kept.id, JSON.stringify(kept)).toBeDefined();
      const gone = (
        await t.request('POST', '/api/customers', { as: admin, body: { name: '烟台北方物流分公司' } })
      ).json();
      const edited = await t.request('PATCH', `/api/customers/${kept.id}`, {
        as: admin,
        headers: { 'if-match': `"${kept.version}"` },
        body: { industry: '物流', email: 'desk@yantai-north.cn' },
      });
      expect(edited.statusCode, edited.body).toBe(200);
      const merged = await t.request('POST', `/api/customers/${kept.id}/merge`, {
        as: admin,
        headers: { 'if-match': `"${edited.json().version}"` },
        body: { sourceId: gone.id },
      });
      expect(merged.statusCode, merged.body).toBe(200);
      await drain();
      const bodies = receiverOfCustomers.received.map((m) => JSON.parse(m.body) as { type: string; data: object });
      const record = {
        customerId: kept.id,
        code: kept.code,
        status: kept.status,
        ownerId: kept.ownerId,
        teamId: kept.teamId,
      };
      expect(bodies.filter((b) => b.type === 'customer.created').map((b) => b.data)).toEqual(
        expect.arrayContaining([record, expect.objectContaining({ customerId: gone.id })]),
      );
      expect(bodies.find((b) => b.type === 'customer.updated')?.data).toEqual({
        ...record,
        changed: ['email', 'industry'],
      });
      expect(bodies.find((b) => b.type === 'customer.merged')?.data).toMatchObject({
        customerId: kept.id,
        mergedId: gone.id,
        mergedCode: gone.code,
      });
      // Names and contact data stay behind the API's rights.
      for (const message of receiverOfCustomers.received) {
        expect(message.body).not.toContain('烟台');
        expect(message.body).not.toContain('yantai');
      }
    } finally {
      await receiverOfCustomers.close();
    }
  });

  it('a receiver failing again and again gets its subscription disabled, and its creator is told', async () => {
    const { id } = (
      await t.request('POST', '/api/webhooks', { as: admin, body: { url: failing.url, events: ['shipment.created'] } })
    ).json();
    await t.request('POST', '/api/shipments/batch', {
      as: admin,
      body: { items: [{ source: 'tms', externalId: 'H-FAIL', mode: 'air' }] },
    });
    await drain();
    const [delivery] = (await t.request('GET', `/api/webhooks/${id}/deliveries`, { as: admin })).json().items;
    // The reason is stored as a code and read in the reader's language (zh-CN unless asked otherwise).
    expect(delivery).toMatchObject({
      status: 'pending',
      lastStatusCode: 500,
      lastError: '接收方返回 HTTP 500（只有 2xx 视为成功）',
      lastErrorCode: 'delivery.http_status',
      lastErrorParams: { status: '500' },
    });
    const inEnglish = await t.request('GET', `/api/webhooks/${id}/deliveries`, {
      as: admin,
      headers: { 'accept-language': 'en' },
    });
    expect(inEnglish.json().items[0].lastError).toBe('The receiver answered HTTP 500 (only 2xx counts as delivered)');
    // Each replay is one final attempt; five failures in a row disable the subscription.
    for (let i = 0; i < 5; i++) {
      await t.request('POST', `/api/webhooks/${id}/deliveries/${delivery.id}/replay`, { as: admin });
      await t.server.deps.jobs.runDue();
    }
    const hook = (await t.request('GET', `/api/webhooks/${id}`, { as: admin })).json();
    expect(hook).toMatchObject({ status: 'disabled', disabledReason: 'failures' });
    const notes = await notificationsOf(t, { userId: admin.me.user.id, kind: 'webhook.disabled' });
    expect(notes).toHaveLength(1);
    expect(notificationText('webhook.disabled', notes[0]?.params as never, 'zh-CN', 'Asia/Shanghai').body).toContain(
      '最近一次：接收方返回 HTTP 500',
    );
    expect(notificationText('webhook.disabled', notes[0]?.params as never, 'en', 'Asia/Shanghai').body).toContain(
      'last: The receiver answered HTTP 500',
    );
  });

  it('takes a signed push of shipments and events from a registered source, and refuses an unsigned one', async () => {
    const hook = (await t.request('POST', '/api/inbound-hooks', { as: admin, body: { source: 'cargowise' } })).json();
    expect(hook.url).toBe(`/api/hooks/shipments/cargowise?org=${admin.me.organization.id}`);
    const body = JSON.stringify({
      shipments: [{ externalId: 'CW-1', mode: 'fcl', parties: [{ role: 'shipper', customerId }] }],
      events: [{ eventId: 'cw-e1', externalId: 'CW-1', type: 'departed', occurredAt: '2026-12-02T00:00:00Z' }],
    });
    const sign = (secret: string, at = new Date()) => ({
      'content-type': 'application/json',
      'webhook-id': 'msg_1',
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign('msg_1', at, body),
    });
    const pushed = await t.app.inject({ method: 'POST', url: hook.url, payload: body, headers: sign(hook.secret) });
    expect(pushed.statusCode, pushed.body).toBe(200);
    expect(pushed.json()).toMatchObject({ shipments: [{ status: 'created' }], events: [{ status: 'applied' }] });
    const forged = await t.app.inject({
      method: 'POST',
      url: hook.url,
      payload: body,
      headers: sign('whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'),
    });
    expect(forged.statusCode).toBe(401);
    const stale = await t.app.inject({
      method: 'POST',
      url: hook.url,
      payload: body,
      headers: sign(hook.secret, new Date(Date.now() - 10 * 60_000)),
    });
    expect(stale.statusCode).toBe(401);
    const otherOrg = await t.app.inject({
      method: 'POST',
      url: '/api/hooks/shipments/cargowise?org=00000000-0000-7000-8000-000000000000',
      payload: body,
      headers: sign(hook.secret),
    });
    expect(otherOrg.statusCode).toBe(401);
  });
});

describe('webhooks without the private-network switch', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.setup('内网防护 SSRF Forwarding');
  });
  afterAll(() => t.close());

  it('refuses loopback and private addresses (SSRF)', async () => {
    for (const url of [
      'http://127.0.0.1:9/x',
      'http://localhost/x',
      'http://169.254.169.254/latest',
      'http://[::1]/x',
    ]) {
      const res = await t.request('POST', '/api/webhooks', { as: admin, body: { url, events: ['shipment.created'] } });
      expect(res.statusCode, url).toBe(422);
      expect(res.json().errors[0]).toMatchObject({ field: 'url', code: 'webhook.url_private' });
    }
    const withPassword = await t.request('POST', '/api/webhooks', {
      as: admin,
      body: { url: 'https://user:pw@example.com/x', events: ['shipment.created'] },
    });
    expect(withPassword.statusCode).toBe(422);
  });
});
