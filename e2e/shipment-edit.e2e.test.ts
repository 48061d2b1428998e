import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageApi, setUpOrganization, signIn } from './console-session';
import { pickOption, shows } from './pick-option';
import { openBrowser, sharedServer } from './run-context';
import type { E2eServer } from './server-process';

const admin = { email: 'admin@correct-forwarding.example', password: 'Shipment-edit-2026' };

describe('correcting a shipment by hand in the browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let shipmentId: string;
  let customerId: string;

  beforeAll(async () => {
    server = sharedServer();
    await setUpOrganization(server, '宁波更正货代', admin);
    browser = await openBrowser();
    page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await signIn(page, server, admin);
    const customer = await api('POST', '/api/customers', { name: '汉堡精密仪器有限公司', status: 'active' });
    expect(customer.status, JSON.stringify(customer.body)).toBe(201);
    customerId = customer.body.id;
    const created = await api('POST', '/api/shipments', {
      externalId: 'NB-EDIT-1',
      mode: 'fcl',
      masterBl: 'NBHAM0001',
      pol: 'CNNGB',
      pod: 'DEHAM',
      containers: [{ number: 'CSQU3054383', type: '40HQ' }],
      revenue: { amount: '2500.00', currency: 'USD' },
      parties: [{ role: 'consignee', name: 'Hamburg Instruments' }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    shipmentId = created.body.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const api = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    pageApi(page, method, path, body, headers);
  const modal = () => page.locator('.ant-modal:visible');
  const fill = async (testId: string, value: string) => {
    const input = modal().getByTestId(testId);
    await input.fill('');
    await input.fill(value);
  };
  const openEditor = async () => {
    await page.goto(`${server.url}/shipments/${shipmentId}`);
    await page.getByTestId('edit-shipment').click();
    await modal().getByTestId('container-number-0').waitFor();
  };

  it('refuses a mistyped container number, then saves containers, money and a linked party (zh-CN)', async () => {
    await openEditor();
    await fill('container-number-0', 'CSQU3054384');
    await page.getByTestId('save-shipment').click();
    await modal().getByText('箱号校验码不正确').waitFor();
    expect((await api('GET', `/api/shipments/${shipmentId}`)).body.version).toBe(1);

    await fill('container-number-0', 'CSQU3054383');
    await fill('container-seal-0', 'SL-88');
    await modal().getByTestId('add-container').click();
    await fill('container-number-1', 'bicu1234565');
    const containerType = modal().getByTestId('container-type-1');
    await containerType.click();
    await pickOption(page, '20GP', shows(containerType, '20GP'));
    await fill('shipment-revenue', '2650.5');
    await fill('shipment-cost', '16000');
    const partyCustomer = modal().getByTestId('party-customer-0');
    await partyCustomer.click();
    await page.keyboard.type('汉堡精密');
    await pickOption(page, '汉堡精密仪器', shows(partyCustomer, '汉堡精密仪器'));
    await page.getByTestId('save-shipment').click();
    await page.getByText('货物已保存').waitFor();

    const saved = (await api('GET', `/api/shipments/${shipmentId}`)).body;
    expect(saved).toMatchObject({
      version: 2,
      teu: 3,
      containers: [
        { number: 'CSQU3054383', type: '40HQ', seal: 'SL-88' },
        { number: 'BICU1234565', type: '20GP', seal: null },
      ],
      revenue: { amount: '2650.50', currency: 'USD' },
      cost: { amount: '16000.00', currency: 'CNY' },
      parties: [{ role: 'consignee', customerId, writtenName: 'Hamburg Instruments', match: 'matched' }],
    });
    const table = page.getByTestId('shipment-containers');
    await table.getByText('BICU1234565').waitFor();
    await table.getByText('SL-88').waitFor();
    await page.getByTestId('party-customer').getByText('汉堡精密仪器有限公司').waitFor();
    expect(await page.getByTestId('shipment-cost').textContent()).toContain('16,000.00');
  });

  it('a change made meanwhile is not overwritten: the save answers 412 and the dialog says so (en)', async () => {
    await page.evaluate(() => window.localStorage.setItem('berth.locale', 'en'));
    await openEditor();
    await fill('container-seal-1', 'SL-99');
    // Someone else corrects the shipment while the dialog is open.
    const other = await api('PATCH', `/api/shipments/${shipmentId}`, { vessel: 'MSC ANNA' }, { 'if-match': '"2"' });
    expect(other.status, JSON.stringify(other.body)).toBe(200);
    await page.getByTestId('save-shipment').click();
    await page.getByText('Shipment changed').waitFor();
    const now = (await api('GET', `/api/shipments/${shipmentId}`)).body;
    expect(now).toMatchObject({ version: 3, vessel: 'MSC ANNA' });
    expect(now.containers[1].seal).toBeNull();

    // The English console names a mistyped number in English.
    await page.getByTestId('edit-shipment').click();
    await fill('container-number-1', 'BICU1234566');
    await page.getByTestId('save-shipment').click();
    await modal().getByText('The check digit of this container number is wrong').waitFor();
  });
});
