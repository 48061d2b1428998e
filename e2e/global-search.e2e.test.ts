import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpOrganization, signIn } from './console-session';
import { choose } from './pick-option';
import { openBrowser, sharedServer } from './run-context';
import type { E2eServer } from './server-process';

const admin = { email: 'admin@search-forwarding.example', password: 'Search-admin-2026' };
const rep = { email: 'rep@search-forwarding.example', password: 'Search-rep-2026' };
const otherRep = { email: 'other@search-forwarding.example', password: 'Search-other-2026' };

describe('the global search in the header', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let adminCookie: string;
  let csrf: string;
  const ids: Record<string, string> = {};

  const adminApi = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie: adminCookie, 'x-csrf-token': csrf },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };

  beforeAll(async () => {
    server = sharedServer();
    await setUpOrganization(server, '宁波搜索货代', admin);
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(admin),
    });
    adminCookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    csrf = (await login.json()).csrfToken;
    const roles = (await adminApi('GET', '/api/roles')).body.items as { id: string; key: string }[];
    const salesRep = roles.find((r) => r.key === 'sales_rep')?.id;
    const team = (await adminApi('POST', '/api/teams', { name: '华东销售部' })).body.id;
    const user = async (who: typeof rep, name: string) =>
      (await adminApi('POST', '/api/users', { ...who, name, roleId: salesRep, teamId: team })).body.id as string;
    const repId = await user(rep, '王芳');
    const otherId = await user(otherRep, '赵强');
    const customer = async (name: string, ownerId: string) => {
      const created = await adminApi('POST', '/api/customers', { name, ownerId, teamId: team });
      expect(created.status).toBe(201);
      return created.body.id as string;
    };
    ids.first = await customer('宁波远洋电子有限公司', repId);
    ids.second = await customer('宁波远洋物流有限公司', repId);
    ids.other = await customer('宁波远洋五金有限公司', otherId);
    const fed = await adminApi('POST', '/api/shipments/batch', {
      items: [
        {
          source: 'tms',
          externalId: 'E2E-SEARCH-1',
          mode: 'fcl',
          pol: 'CNNGB',
          pod: 'DEHAM',
          masterBl: 'MEDUNB240001',
          containers: [{ number: 'MSCU1234566', type: '40HC' }],
          parties: [{ role: 'shipper', customerId: ids.first }],
        },
      ],
    });
    expect(fed.status).toBe(200);
    ids.shipment = fed.body.items[0].id;

    browser = await openBrowser();
    page = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })).newPage();
    await signIn(page, server, rep);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const box = () => page.getByTestId('global-search');
  const options = () => page.getByTestId('global-search-option');

  it('opens with Ctrl+K, chooses with the arrow keys and opens the record with Enter', async () => {
    await page.keyboard.press('Control+k');
    await expect.poll(() => box().evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('宁波远洋');
    const customers = page.getByTestId('global-search-group-customer');
    await expect.poll(() => customers.getByTestId('global-search-option').count()).toBe(2);
    // Newest first, and only the rep's own customers.
    expect(await customers.textContent()).toContain('客户');
    expect(await options().allTextContents()).toEqual([
      expect.stringContaining('宁波远洋物流有限公司'),
      expect.stringContaining('宁波远洋电子有限公司'),
    ]);
    expect(await page.getByTestId('global-search-results').textContent()).not.toContain('五金');
    expect(await options().first().getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowDown');
    expect(await options().nth(1).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/customers/${ids.first}`);
    await page.getByTestId('customer-code').waitFor();
    expect(await page.getByTestId('global-search-results').count()).toBe(0);
    expect(await box().inputValue()).toBe('');
  });

  it('focuses with "/" outside a field, finds a shipment by container number, and Esc closes', async () => {
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('/');
    await expect.poll(() => box().evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await box().inputValue()).toBe('');
    await page.keyboard.type('mscu 1234566');
    const shipments = page.getByTestId('global-search-group-shipment');
    await shipments.getByTestId('global-search-option').waitFor();
    expect(await shipments.textContent()).toContain('MEDUNB240001 · MSCU1234566');
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('global-search-results').count()).toBe(0);
    await expect.poll(() => box().evaluate((el) => el === document.activeElement)).toBe(false);

    await page.keyboard.press('Control+k');
    await page.keyboard.type('MEDUNB240001');
    await shipments.getByTestId('global-search-option').waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/shipments/${ids.shipment}`);
  });

  it('says so when nothing matches, in English too', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('lang-en').click();
    await expect
      .poll(() => box().getAttribute('placeholder'))
      .toBe('Search customers, contacts, opportunities, B/L or container no.');
    await page.keyboard.press('Control+k');
    await page.keyboard.type('Ningbo Ocean');
    await page.getByTestId('global-search-empty').waitFor();
    expect(await page.getByTestId('global-search-empty').textContent()).toContain('Nothing found for “Ningbo Ocean”');
    await box().fill('宁波远洋物流');
    const customers = page.getByTestId('global-search-group-customer');
    await customers.getByTestId('global-search-option').waitFor();
    expect(await customers.textContent()).toContain('Customers');
    await page.keyboard.press('Escape');
    await page.getByTestId('user-menu').click();
    await page.getByTestId('lang-zh-CN').click();
    await expect.poll(() => box().getAttribute('placeholder')).toBe('搜索客户、联系人、商机、提单号、箱号');
  });

  it('logs an inquiry taken by WeChat from the header’s “+” and shows it on the board', async () => {
    const pick = (testId: string, search: string, option: string) =>
      choose(page, page.getByTestId(testId), option, { search });
    await page.getByTestId('quick-create').click();
    await page.getByTestId('quick-create-inquiry').click();
    const form = page.getByTestId('quick-inquiry-form');
    await form.waitFor();
    await pick('inquiry-customer', '远洋电子', '宁波远洋电子有限公司');
    await pick('inquiry-pol', 'CNNGB', 'CNNGB');
    await pick('inquiry-pod', 'USLAX', 'USLAX');
    await page.getByTestId('inquiry-teu').fill('4');
    expect(await page.getByTestId('inquiry-channel').locator('.ant-segmented-item-selected').textContent()).toBe(
      '微信',
    );
    await page.getByTestId('inquiry-message').fill('微信上问每月 4 个 40HQ 到洛杉矶的价格');
    await page.getByTestId('submit-inquiry').click();
    await form.waitFor({ state: 'detached' });

    await page.getByTestId('nav-opportunities').click();
    const card = page
      .getByTestId('board-column-inquiry')
      .getByTestId('opportunity-card')
      .filter({ hasText: 'CNNGB→USLAX' });
    await card.waitFor();
    expect(await card.textContent()).toContain('宁波远洋电子有限公司');
    // The board offers the same dialog.
    await page.getByTestId('log-inquiry').click();
    await page.getByTestId('quick-inquiry-form').waitFor();
    await page.keyboard.press('Escape');
  });
});
