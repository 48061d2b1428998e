import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpOrganization, signIn } from './console-session';
import { openBrowser, privateServer } from './run-context';
import type { ServerProcess } from './server-process';

const admin = { email: 'admin@settings.example', password: 'Settings-admin-2026' };

describe('an administrator configures the organisation, exchange rates and webhooks', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // A server of its own: the database upkeep it runs and lists is the whole database's, not per organisation.
    server = await privateServer();
    await setUpOrganization(server, '东方设置货运代理有限公司', admin);
    browser = await openBrowser();
    page = await (await browser.newContext({ locale: 'zh-CN', timezoneId: 'UTC' })).newPage();
    await signIn(page, server, admin);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const api = (path: string) =>
    page.evaluate(async (url) => {
      const response = await fetch(url);
      return { status: response.status, body: await response.json() };
    }, path);
  const pickDate = async (selector: string, date: string) => {
    await page.locator(selector).click();
    await page.locator(selector).fill(date);
    await page.keyboard.press('Enter');
  };
  const chooseOption = async (selector: string, label: string) => {
    await page.locator(selector).click();
    await page.locator(selector).fill(label);
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option-active', { hasText: label });
    await option.waitFor();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator(selector).locator('xpath=ancestor::*[contains(@class,"ant-select")][1]').textContent())
      .toContain(label);
  };

  it('changes the reporting currency, the delay threshold and the holidays, and keeps them', async (context) => {
    context.onTestFailed(async () => {
      await page.screenshot({ path: '/tmp/orgset-e2e-settings.png' });
    });
    await page.getByTestId('nav-org-settings').click();
    const hours = page.locator('#org-settings_shipmentDelayHours');
    await hours.waitFor();
    await chooseOption('#org-settings_reportingCurrency', 'USD');
    await hours.fill('48');
    await page.locator('#org-settings_workingCalendar_holidays').click();
    await page.keyboard.type('2026-10-01, 2026-10-02,');
    await page.locator('#org-settings_workingCalendar_workingDays').click();
    await page.keyboard.type('2026-10-10,');
    await page.getByTestId('org-settings-save').click();
    await expect
      .poll(async () => (await api('/api/org-settings')).body)
      .toMatchObject({
        reportingCurrency: 'USD',
        shipmentDelayHours: 48,
        workingCalendar: { holidays: ['2026-10-01', '2026-10-02'], workingDays: ['2026-10-10'] },
        version: 2,
      });
    await page.reload();
    await expect.poll(() => page.locator('#org-settings_shipmentDelayHours').inputValue()).toBe('48');
  });

  it('enters a rate and checks which rate converts an amount on a date', async (context) => {
    context.onTestFailed(async () => {
      await page.screenshot({ path: '/tmp/orgset-e2e-rates.png' });
    });
    await page.getByTestId('nav-exchange-rates').click();
    await page.getByTestId('add-rate').click();
    await chooseOption('#exchange-rate_base', 'USD');
    await page.locator('#exchange-rate_rate').fill('7.1');
    await pickDate('#exchange-rate_date', '2026-12-01');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-table-row', { hasText: 'USD/CNY' }).waitFor();

    // The converter defaults to the reporting currency (now USD): convert CNY into it, on a day after the rate.
    await chooseOption('#rate-converter_currency', 'CNY');
    await page.locator('#rate-converter_amount').fill('710');
    await pickDate('#rate-converter_date', '2026-12-15');
    await page.getByTestId('convert-submit').click();
    await expect.poll(() => page.getByTestId('convert-result').textContent()).toContain('710.00 CNY = 100.00 USD');
    await expect.poll(() => page.getByTestId('convert-result').textContent()).toContain('USD/CNY 7.1');

    // Before the first rate there is none: the error names the pair and the day.
    await pickDate('#rate-converter_date', '2026-11-30');
    await page.getByTestId('convert-submit').click();
    await expect.poll(() => page.getByTestId('convert-error').textContent()).toContain('CNY/USD');
    await expect.poll(() => page.getByTestId('convert-error').textContent()).toContain('2026-11-30');
  });

  it('subscribes a webhook, shows its secret once, rotates it and disables the subscription', async () => {
    await page.getByTestId('nav-webhooks').click();
    await page.getByTestId('create-webhook').click();
    await page.locator('#webhook_url').fill('https://203.0.113.20/berth-hook');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    const first = await page.getByTestId('webhook-secret').inputValue();
    expect(first).toMatch(/^whsec_/);
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    const hooks = (await api('/api/webhooks')).body.items;
    expect(hooks).toHaveLength(1);
    expect(hooks[0].secret).toBeUndefined();
    const id = hooks[0].id as string;

    await page.getByTestId(`rotate-${id}`).click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    const second = await page.getByTestId('webhook-secret').inputValue();
    expect(second).toMatch(/^whsec_/);
    expect(second).not.toBe(first);
    await page.locator('.ant-modal-footer .ant-btn-primary').click();

    await page.getByTestId(`toggle-${id}`).click();
    await expect.poll(async () => (await api(`/api/webhooks/${id}`)).body.status).toBe('disabled');
    await page.getByTestId(`deliveries-${id}`).click();
    await page.getByTestId('delivery-status-filter').waitFor();
  });

  it('lets the administrator choose their own time zone, which the console then uses', async () => {
    await page.goto(`${server.url}/account`);
    await chooseOption('#profile_timeZone', 'Europe/Berlin');
    await page.locator('form#profile button[type=submit]').click();
    await expect.poll(async () => (await api('/api/me')).body.user.timeZone).toBe('Europe/Berlin');
  });

  it('shows the size of the embedded database and runs a round of upkeep on request', async () => {
    await page.goto(`${server.url}/admin/database`);
    await expect.poll(() => page.getByTestId('upkeep-size').textContent()).toMatch(/\d+(\.\d)? MB/);
    await expect.poll(() => page.getByTestId('upkeep-tables').locator('tr.ant-table-row').count()).toBeGreaterThan(5);
    await page.getByTestId('upkeep-run').click();
    // The round runs in the background; the page follows it until it is recorded.
    const firstRound = page.getByTestId('upkeep-runs').locator('tr.ant-table-row', { hasText: '管理员' });
    await expect.poll(() => firstRound.count(), { timeout: 60_000 }).toBe(1);
    await expect.poll(() => firstRound.textContent()).toContain('全部表');
    await page.getByTestId('upkeep-run').waitFor();
  });
});
