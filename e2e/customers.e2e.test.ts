import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { freePort, ServerProcess, tempDataDir } from './server-process';

const admin = { email: 'admin@xiamen-forwarding.example', password: 'Xiamen-admin-2026' };

describe('customer master data in the browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let keptUrl = '';

  beforeAll(async () => {
    server = new ServerProcess(await freePort(), tempDataDir());
    await server.start();
    const setup = await fetch(`${server.url}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ organization: { name: '厦门国际货代' }, admin: { name: '管理员', ...admin } }),
    });
    expect(setup.status).toBe(201);
    browser = await launchBrowser();
    page = await (await browser.newContext({ locale: 'zh-CN', acceptDownloads: true })).newPage();
    await page.goto(`${server.url}/login`);
    await page.locator('#login_email').fill(admin.email);
    await page.locator('#login_password').fill(admin.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-menu').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A write through the API from the signed-in page, with its CSRF token. */
  const apiPost = (path: string, body: unknown) =>
    page.evaluate(
      async ({ path, body }) => {
        const me = await (await fetch('/api/me')).json();
        const response = await fetch(path, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify(body),
        });
        return { status: response.status, body: await response.json() };
      },
      { path, body },
    );
  const modalOk = () => page.locator('.ant-modal-wrap:visible .ant-modal-footer .ant-btn-primary').click();
  const fieldError = (id: string) =>
    page.locator('.ant-form-item', { has: page.locator(id) }).locator('.ant-form-item-explain');

  it('refuses a wrong credit code on its field and creates the customer once it is fixed', async () => {
    expect((await apiPost('/api/tags', { name: 'VIP', color: 'gold' })).status).toBe(201);
    await page.goto(`${server.url}/customers/new`);
    await page.locator('#customer_name').fill('厦门海湾进出口有限公司');
    await page.locator('#customer_creditCode').fill('91350100M000100Y44');
    await page.getByTestId('save-customer').click();
    await expect.poll(() => fieldError('#customer_creditCode').textContent()).toContain('校验位');
    await page.locator('#customer_creditCode').fill('91350100M000100Y43');
    await page.getByTestId('save-customer').click();
    await page.getByTestId('customer-360').waitFor();
    keptUrl = page.url();
    expect(keptUrl).toMatch(/\/customers\/[0-9a-f-]{36}/);
    expect(await page.getByTestId('customer-code').textContent()).toContain('C000001');
  });

  it('adds two contacts and a tag', async () => {
    await page.goto(`${keptUrl}?tab=contacts`);
    for (const [name, phone] of [
      ['王芳', '13800138000'],
      ['李强', '0592-5123456'],
    ]) {
      await page.getByTestId('add-contact').click();
      await page.locator('#contact_name').fill(name as string);
      await page.locator('#contact_phones_0').fill(phone as string);
      await modalOk();
      await page
        .getByTestId('contact-name')
        .filter({ hasText: name as string })
        .waitFor();
    }
    expect(await page.getByTestId('contact-row').count()).toBe(2);
    await page.getByTestId('add-customer-tag').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'VIP' }).click();
    await page.getByTestId('customer-tag').filter({ hasText: 'VIP' }).waitFor();
  });

  it('flags the same company typed in traditional characters with another legal suffix as a duplicate', async () => {
    await page.goto(`${server.url}/customers/new`);
    await page.locator('#customer_name').fill('廈門海灣進出口股份有限公司');
    const warning = page.getByTestId('duplicate-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('厦门海湾进出口有限公司');
    expect(await warning.textContent()).toContain('名称相同或相近');
  });
});
