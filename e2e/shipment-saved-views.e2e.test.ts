import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageApi, setUpOrganization, signIn } from './console-session';
import { choose } from './pick-option';
import { openBrowser, sharedServer } from './run-context';
import type { E2eServer } from './server-process';

const admin = { email: 'admin@views-forwarding.example', password: 'Shipment-views-2026' };

describe('saved views of the shipment list in the browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = sharedServer();
    await setUpOrganization(server, '青岛视图货代', admin);
    browser = await openBrowser();
    page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await signIn(page, server, admin);
    const batch = await api('POST', '/api/shipments/batch', {
      items: [
        { source: 'tms', externalId: 'QD-001', mode: 'fcl', masterBl: 'QDLAX0001', pol: 'CNTAO', pod: 'USLAX' },
        { source: 'tms', externalId: 'QD-002', mode: 'fcl', masterBl: 'QDHAM0002', pol: 'CNTAO', pod: 'DEHAM' },
        { source: 'tms', externalId: 'QD-003', mode: 'air', masterBl: '784-00000003', pol: 'CNPVG', pod: 'USORD' },
      ],
    });
    expect(batch.status, JSON.stringify(batch.body)).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const api = (method: string, path: string, body?: unknown) => pageApi(page, method, path, body);
  const rows = () => page.getByTestId('shipment-table').locator('tbody tr.ant-table-row');
  const okInModal = () => page.locator('.ant-modal-footer .ant-btn-primary:visible').click();
  const pickView = (name: string) => choose(page, page.getByTestId('saved-view-select'), name);

  it('saves the current filters as a view, applies it again, renames and deletes it', async () => {
    await page.goto(`${server.url}/shipments?mode=fcl&pol=CNTAO&pod=USLAX`);
    await expect.poll(() => rows().count()).toBe(1);
    await page.getByTestId('shipment-view-bar').getByTestId('save-view').click();
    await page.getByTestId('saved-view-name').fill('青岛-洛杉矶整箱');
    await okInModal();
    await page.getByTestId('saved-view-actions').waitFor();
    const stored = await api('GET', '/api/saved-views?resource=shipments');
    expect(stored.body.items).toMatchObject([
      { resource: 'shipments', name: '青岛-洛杉矶整箱', state: { filters: { mode: 'fcl', lane: 'CNTAO-USLAX' } } },
    ]);

    await page.goto(`${server.url}/shipments`);
    await expect.poll(() => rows().count()).toBe(3);
    await pickView('青岛-洛杉矶整箱');
    await expect.poll(() => new URL(page.url()).searchParams.get('pod')).toBe('USLAX');
    expect(new URL(page.url()).searchParams.get('pol')).toBe('CNTAO');
    expect(new URL(page.url()).searchParams.get('mode')).toBe('fcl');
    await expect.poll(() => rows().count()).toBe(1);

    await page.getByTestId('saved-view-actions').click();
    await page.locator('.ant-dropdown:visible .ant-dropdown-menu-item', { hasText: '重命名' }).click();
    await page.getByTestId('saved-view-name').fill('青岛美西');
    await okInModal();
    await expect
      .poll(async () => (await api('GET', '/api/saved-views?resource=shipments')).body.items[0]?.name)
      .toBe('青岛美西');

    await page.getByTestId('saved-view-actions').click();
    await page.locator('.ant-dropdown:visible .ant-dropdown-menu-item', { hasText: '删除视图' }).click();
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await expect.poll(async () => (await api('GET', '/api/saved-views?resource=shipments')).body.items).toEqual([]);
    // The customer list's views are their own.
    expect((await api('GET', '/api/saved-views?resource=customers')).body.items).toEqual([]);
  });
});
