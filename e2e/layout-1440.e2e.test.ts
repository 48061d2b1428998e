import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpOrganization, signIn } from './console-session';
import { openBrowser, sharedServer } from './run-context';
import { type E2eServer, tempDataDir } from './server-process';

const admin = { email: 'admin@layout-forwarding.example', password: 'Layout-admin-2026' };

/** The console at 1440×900, the screen most reps use: nothing a page offers may sit out of reach. */
describe('the console at 1440 px', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = sharedServer();
    await setUpOrganization(server, '宽屏布局国际货运代理有限公司', admin);
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(admin),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const csrf = (await login.json()).csrfToken as string;
    const post = (path: string, body: unknown) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
        body: JSON.stringify(body),
      });
    const tags = [];
    for (const name of ['VIP 客户', '美线重点', '危险品资质', '月结'])
      tags.push((await (await post('/api/tags', { name })).json()).id);
    const customer = await post('/api/customers', {
      name: '宁波经济技术开发区远洋国际物流供应链管理有限公司',
      nameEn: 'Ningbo Economic and Technological Development Zone Ocean International Logistics Co., Ltd.',
      country: 'CN',
      relationshipType: 'strategic',
      roles: ['shipper', 'consignee', 'direct_customer'],
      status: 'active',
    });
    const customerId = (await customer.json()).id;
    await post('/api/customers/bulk-tags', { customerIds: [customerId], add: tags });
    await post('/api/opportunities', { title: '宁波—洛杉矶 整箱', customerId, source: 'referral' });
    browser = await openBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await signIn(page, server, admin);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const screenshotOnFailure = async (name: string, check: () => Promise<void>) => {
    try {
      await check();
    } catch (error) {
      await page.screenshot({ path: `${tempDataDir()}-${name}.png`, fullPage: true }).catch(() => undefined);
      throw error;
    }
  };

  it('shows the customer list’s last column inside the window, the list scrolling under fixed ends', async () => {
    await page.goto(`${server.url}/customers`);
    await page.getByTestId('customer-link').first().waitFor();
    await screenshotOnFailure('customer-list', async () => {
      // The page itself never scrolls sideways: the table does, inside its own box.
      const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(pageWidth).toBeLessThanOrEqual(1440);
      const headers = page.getByTestId('customer-table').locator('thead th');
      const last = headers.last();
      await expect.poll(() => last.textContent()).toContain('创建时间');
      const box = await last.boundingBox();
      expect(box).not.toBeNull();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(1440);
      // The last column is fixed at the right, the code at the left, whatever columns lie between.
      expect(await last.getAttribute('class')).toMatch(/ant-table-cell-fix-(right|end)/);
      const code = page.getByTestId('customer-table').locator('thead th', { hasText: '客户编码' });
      expect(await code.getAttribute('class')).toMatch(/ant-table-cell-fix-(left|start)/);
    });
  });

  it('tells import from export by their icons', async () => {
    const icon = async (testId: string) =>
      page.getByTestId(testId).locator('.anticon').first().getAttribute('aria-label');
    const importIcon = await icon('import-customers');
    const exportIcon = await icon('export-customers');
    expect(importIcon).toBe('upload');
    expect(exportIcon).toBe('download');
  });

  it('shows the board’s 丢单 column, or a visible way to scroll to it that gets it there', async () => {
    await page.goto(`${server.url}/opportunities`);
    const lost = page.getByTestId('board-column-lost');
    await lost.waitFor();
    await screenshotOnFailure('board', async () => {
      const board = await page.getByTestId('pipeline-board').boundingBox();
      const inView = async () => {
        const box = await lost.boundingBox();
        return box !== null && board !== null && box.x + box.width <= board.x + board.width + 1;
      };
      if (!(await inView())) {
        const more = page.getByTestId('board-scroll-right');
        expect(await more.isVisible()).toBe(true);
        for (let i = 0; i < 10 && !(await inView()); i++) {
          await more.click();
          // The click scrolls smoothly: the column may come into view before the scroll has ended.
          const settled = Date.now() + 400;
          while (Date.now() < settled && !(await inView())) await new Promise((r) => setTimeout(r, 50));
        }
      }
      expect(await inView()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
    });
  });

  it('edits a role’s permission matrix on a page of its own', async () => {
    await page.goto(`${server.url}/admin/roles`);
    await page
      .getByRole('button', { name: /编\s*辑/ })
      .first()
      .click();
    await page.waitForURL(/\/admin\/roles\/[0-9a-f-]{36}$/);
    await page.getByTestId('role-page').waitFor();
    expect(await page.locator('.ant-modal').count()).toBe(0);
    const matrix = await page.getByTestId('role-page').locator('.ant-table').first().boundingBox();
    expect(matrix?.width ?? 0).toBeGreaterThan(1000);
    await page.goto(`${server.url}/admin/roles/new`);
    await page.getByTestId('role-page').waitFor();
    expect(await page.locator('#role_key').count()).toBe(1);
  });
});
