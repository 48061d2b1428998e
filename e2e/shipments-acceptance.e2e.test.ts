import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpOrganization, signIn } from './console-session';
import { choose } from './pick-option';
import { openBrowser, sharedServer } from './run-context';
import { apiSession } from './sales-helpers';
import type { E2eServer } from './server-process';

const admin = { email: 'admin@tracking-forwarding.example', password: 'Acceptance-admin-2026' };
const rep = { email: 'rep@tracking-forwarding.example', password: 'Acceptance-rep-2026' };
const customerName = 'Ningbo Harbour Lighting Co., Ltd.';
const masterBl = 'NGBLAX2612001';
const hour = 3_600_000;
const day = 24 * hour;

/** What the console shows for an instant in a browser set to Beijing time: "2027-01-05 08:00:00". */
const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * hour).toISOString().slice(0, 19).replace('T', ' ');

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on loopback that keeps every request it gets and answers 204. */
async function startReceiver(): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/berth`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The acceptance story: a shipment for a customer arrives by API, a `rolled` and an `eta_changed` event
 * arrive twice and out of order; the shipment page shows one timeline in event-time order and the new ETA; the
 * customer's owner is told of the delay once; the customer 360 shows the shipment; a webhook receiver gets a
 * correctly signed `shipment.exception`.
 */
describe('a shipment fed by API, its exceptions, the owner and a webhook', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  // Set by the first test, used by the second.
  let shipmentId = '';

  beforeAll(async () => {
    receiver = await startReceiver();
    // Deliveries to loopback are refused unless allowed (SSRF guard); the job loop polls often so the test waits less.
    server = sharedServer();
    await setUpOrganization(server, 'Tracking Forwarding', admin);
    browser = await openBrowser();
    page = await (await browser.newContext({ locale: 'en-GB', timezoneId: 'Asia/Shanghai' })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await receiver?.close();
  });

  it('shows one ordered timeline and the new ETA, tells the owner once and signs the webhook', async () => {
    // 1. Set-up over the API: the rep who owns the customer, a webhook subscription, a feed key (operations).
    const asAdmin = await apiSession(server, admin);
    const roles = (await asAdmin('GET', '/api/roles')).body.items as { id: string; key: string }[];
    const roleOf = (key: string) => roles.find((r) => r.key === key)?.id;
    const createdRep = await asAdmin('POST', '/api/users', {
      ...rep,
      name: 'Chen Jing',
      roleId: roleOf('sales_rep'),
      locale: 'en',
    });
    expect(createdRep.status, JSON.stringify(createdRep.body)).toBe(201);
    const customer = await asAdmin('POST', '/api/customers', {
      name: customerName,
      ownerId: createdRep.body.id,
      status: 'active',
    });
    expect(customer.status, JSON.stringify(customer.body)).toBe(201);
    const customerId = customer.body.id as string;
    const subscription = await asAdmin('POST', '/api/webhooks', {
      url: receiver.url,
      events: ['shipment.exception'],
    });
    expect(subscription.status, JSON.stringify(subscription.body)).toBe(201);
    const secret = subscription.body.secret as string;
    expect(secret).toBeTruthy();
    const apiKey = (await asAdmin('POST', '/api/api-keys', { name: 'TMS feed', roleId: roleOf('operations') })).body
      .secret as string;
    const feed = async (path: string, body: unknown) => {
      const response = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
        body: JSON.stringify(body),
      });
      const json = (await response.json()) as { items: { status: string; id?: string; errors?: unknown }[] };
      expect(response.status, JSON.stringify(json)).toBe(200);
      return json.items;
    };

    // 2. The shipment arrives from the TMS.
    const now = Date.now();
    const at = (ms: number) => new Date(ms).toISOString();
    const etd = at(now + 2 * day);
    const eta = at(now + 30 * day);
    const newEta = at(now + 33 * day);
    const [created] = await feed('/api/shipments/batch', {
      items: [
        {
          source: 'tms',
          externalId: 'JOB-2612-001',
          mode: 'fcl',
          masterBl,
          bookingNumber: 'BK2612001',
          pol: 'CNNGB',
          pod: 'USLAX',
          carrier: 'COSCO',
          vessel: 'COSCO SHIPPING ARIES',
          voyage: '062E',
          etd,
          eta,
          containers: [{ number: 'CSQU3054383', type: '40HQ', seal: 'SL778812' }],
          parties: [
            { role: 'booking_customer', customerId },
            { role: 'consignee', name: 'Pacific Lighting Imports LLC' },
          ],
          revenue: { amount: '3200.00', currency: 'USD' },
          cost: { amount: '2650.00', currency: 'USD' },
        },
      ],
    });
    expect(created?.status, JSON.stringify(created)).toBe('created');
    shipmentId = created?.id as string;

    // 3. Its tracking events (keyed by the shipment's source and external id): booked, then rolled, then a new
    // ETA — the later ones sent first, and each twice.
    const event = (eventId: string, type: string, occurredAt: number, data?: object) => ({
      eventId,
      source: 'tms',
      externalId: 'JOB-2612-001',
      type,
      occurredAt: at(occurredAt),
      location: 'CNNGB',
      ...(data ? { data } : {}),
    });
    const booked = event('ev-booked', 'booked', now - 3 * day);
    const rolled = event('ev-rolled', 'rolled', now - 2 * day);
    const etaChanged = event('ev-eta', 'eta_changed', now - day, { eta: newEta });
    expect((await feed('/api/shipments/events', { events: [etaChanged, booked] })).map((r) => r.status)).toEqual([
      'applied',
      'applied',
    ]);
    expect((await feed('/api/shipments/events', { events: [rolled, etaChanged] })).map((r) => r.status)).toEqual([
      'applied',
      'duplicate',
    ]);
    expect((await feed('/api/shipments/events', { events: [rolled] })).map((r) => r.status)).toEqual(['duplicate']);

    // 4. The rep finds the shipment in the list and opens it: one timeline in event-time order, the new ETA.
    await signIn(page, server, rep);
    await page.getByTestId('nav-shipments').click();
    const row = page.getByTestId('shipment-table').locator('tr.ant-table-row').filter({ hasText: masterBl });
    await row.waitFor();
    expect(await row.textContent()).toContain(customerName);
    await row.getByTestId('shipment-link').click();
    await page.getByTestId('shipment-page').filter({ hasText: masterBl }).waitFor();
    const timelineEvents = page.getByTestId('shipment-timeline').getByTestId('timeline-event');
    await expect.poll(() => timelineEvents.count()).toBe(3);
    expect(await timelineEvents.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-type')))).toEqual([
      'booked',
      'rolled',
      'eta_changed',
    ]);
    // Exceptions are marked as such; the ETA change carries the new ETA.
    expect(
      await timelineEvents.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-exception') === 'true')),
    ).toEqual([false, true, true]);
    expect(await page.getByTestId('timeline-new-eta').textContent()).toContain(beijing(newEta));
    expect(await page.getByTestId('shipment-eta').textContent()).toBe(beijing(newEta));
    expect(await page.getByTestId('shipment-eta-slip').textContent()).toContain('72 hours late');
    expect(await page.getByTestId('shipment-etd').textContent()).toBe(beijing(etd));
    expect(await page.getByTestId('shipment-exception-rolled').textContent()).toBe('Rolled');
    expect(await page.getByTestId('shipment-containers').textContent()).toContain('CSQU3054383');
    const parties = page.getByTestId('shipment-parties');
    expect(await parties.getByTestId('party-customer').textContent()).toBe(customerName);
    expect(await parties.getByTestId('party-unmatched').textContent()).toBe('Unmatched');

    // 5. The owner was told of the delay once, though the ETA change arrived twice.
    await page.getByTestId('notification-bell').click();
    const delayNotice = page.getByTestId('notification-item').filter({ hasText: `Shipment ${masterBl}` });
    await delayNotice.waitFor();
    expect(await delayNotice.count()).toBe(1);
    expect(await delayNotice.textContent()).toContain('72 hours late');
    const asRep = await apiSession(server, rep);
    const delayed = async () =>
      ((await asRep('GET', '/api/notifications?limit=100')).body.items as { kind: string; subjectId: string }[]).filter(
        (n) => n.kind === 'shipment.delayed' && n.subjectId === shipmentId,
      ).length;
    expect(await delayed()).toBe(1);

    // 6. The notice leads to the shipment; from there, the customer 360 shows the shipment, its exception flagged.
    await delayNotice.click();
    await page.getByTestId('shipment-page').filter({ hasText: masterBl }).waitFor();
    await page.getByTestId('shipment-customer').click();
    await page.getByTestId('customer-360').waitFor();
    await page.getByRole('tab', { name: 'Shipments' }).click();
    const customerRow = page
      .getByTestId('customer-shipments')
      .locator('tr.ant-table-row')
      .filter({ hasText: masterBl });
    await customerRow.waitFor();
    expect(await customerRow.getByTestId('shipment-exception-rolled').count()).toBe(1);
    // Its timeline tells the exceptions, each leading back to the shipment.
    await page.getByRole('tab', { name: 'Timeline' }).click();
    const rolledEntry = page
      .getByTestId('customer-timeline')
      .getByTestId('timeline-entry')
      .filter({ has: page.getByTestId('timeline-action').filter({ hasText: 'Rolled' }) });
    await rolledEntry.waitFor();
    const shipmentLink = rolledEntry.getByTestId('timeline-shipment-link');
    expect(await shipmentLink.textContent()).toBe(`Shipment ${masterBl}`);
    await shipmentLink.click();
    await page.getByTestId('shipment-page').filter({ hasText: masterBl }).waitFor();

    // 7. The receiver got the exceptions, each correctly signed with the subscription's secret (delivered by a job).
    await expect.poll(() => receiver.received.length, { timeout: 60_000, interval: 250 }).toBeGreaterThanOrEqual(2);
    const verifier = new Webhook(secret);
    const payloads = receiver.received.map(({ headers, body }) => {
      expect(headers['webhook-signature']).toMatch(/^v1,/);
      return verifier.verify(body, headers as Record<string, string>) as {
        type: string;
        data: { shipmentId: string; type: string; customerId: string };
      };
    });
    expect(payloads.every((payload) => payload.type === 'shipment.exception')).toBe(true);
    expect(payloads.map((payload) => payload.data.type).sort()).toEqual(['eta_changed', 'rolled']);
    expect(payloads.every((payload) => payload.data.shipmentId === shipmentId)).toBe(true);
    expect(payloads[0]?.data.customerId).toBe(customerId);
    // A tampered body does not verify.
    const first = receiver.received[0] as Received;
    expect(() => verifier.verify(`${first.body} `, first.headers as Record<string, string>)).toThrow();

    // Still one delay notice after the jobs ran.
    expect(await delayed()).toBe(1);
  });

  it('lets an operator correct it by hand, says so plainly on a concurrent change, and link the consignee', async () => {
    expect(shipmentId).not.toBe('');
    const asAdmin = await apiSession(server, admin);
    const consignee = await asAdmin('POST', '/api/customers', {
      name: 'Pacific Lighting Imports, Inc.',
      status: 'active',
    });
    expect(consignee.status, JSON.stringify(consignee.body)).toBe(201);
    // The administrator works in Chinese (the organisation's language).
    const adminPage = await (await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
    const toast = (text: string) => adminPage.locator('.ant-message', { hasText: text });
    await signIn(adminPage, server, admin);
    await adminPage.goto(`${server.url}/shipments/${shipmentId}`);
    await adminPage.getByTestId('shipment-page').filter({ hasText: masterBl }).waitFor();

    // A correction: only the changed field is sent, at the version shown.
    await adminPage.getByTestId('edit-shipment').click();
    await adminPage.getByTestId('shipment-vessel').fill('COSCO SHIPPING LEO');
    const saved = toast('货物已保存').waitFor();
    await adminPage.getByTestId('save-shipment').click();
    await saved;
    await adminPage.getByTestId('shipment-header').filter({ hasText: 'COSCO SHIPPING LEO / 062E' }).waitFor();

    // A bad HS code is refused on the field, in the user's language.
    await adminPage.getByTestId('edit-shipment').click();
    await adminPage.getByTestId('shipment-hsCode').fill('ab');
    await adminPage.getByTestId('save-shipment').click();
    await adminPage.locator('.ant-form-item-explain-error', { hasText: 'HS 编码应为 4–10 位数字' }).waitFor();

    // Someone else saves first: the save answers 412 and the user is told what happened, with the latest data.
    await adminPage.getByTestId('shipment-hsCode').fill('');
    await adminPage.getByTestId('shipment-vessel').fill('COSCO SHIPPING VIRGO');
    const current = await asAdmin('GET', `/api/shipments/${shipmentId}`);
    const concurrent = await apiSession(server, admin, { 'if-match': `"${current.body.version}"` });
    expect((await concurrent('PATCH', `/api/shipments/${shipmentId}`, { voyage: '063E' })).status).toBe(200);
    await adminPage.getByTestId('save-shipment').click();
    await adminPage.locator('.ant-notification-notice', { hasText: '货物已被修改' }).waitFor();
    expect(await adminPage.locator('.ant-notification-notice').textContent()).toContain('请核对后重新更正');
    await adminPage.getByTestId('shipment-header').filter({ hasText: 'COSCO SHIPPING LEO / 063E' }).waitFor();

    // The unmatched consignee waits in the review queue; linking it updates the shipment.
    await adminPage.getByTestId('nav-unmatched-parties').click();
    const party = adminPage
      .getByTestId('unmatched-party-table')
      .locator('tr.ant-table-row')
      .filter({ hasText: 'Pacific Lighting Imports LLC' });
    await party.waitFor();
    await party.getByTestId('link-party').click();
    // Chosen until the select shows it (a click while a search's answer replaces the options picks nothing).
    await choose(adminPage, adminPage.getByTestId('link-party-customer'), 'Pacific Lighting Imports, Inc.', {
      search: 'Pacific',
    });
    // Watched from before the click: the message shows for three seconds.
    const linked = toast('已关联到客户，1 票货物已更新').waitFor();
    await adminPage.locator('.ant-modal-footer .ant-btn-primary').click();
    await linked;
    await expect.poll(() => party.count()).toBe(0);

    await adminPage.goto(`${server.url}/shipments/${shipmentId}`);
    const parties = adminPage.getByTestId('shipment-parties');
    await parties.getByTestId('party-customer').filter({ hasText: 'Pacific Lighting Imports, Inc.' }).waitFor();
    expect(await parties.getByTestId('party-unmatched').count()).toBe(0);
    await adminPage.context().close();
  });
});
