import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageApi, setUpOrganization, signIn } from './console-session';
import { choose } from './pick-option';
import { openBrowser, sharedServer } from './run-context';
import type { E2eServer } from './server-process';

const admin = { email: 'admin@segments-forwarding.example', password: 'Segments-admin-2026' };

describe('saved views, segments and data quality in the browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = sharedServer();
    await setUpOrganization(server, '厦门分群货代', admin);
    browser = await openBrowser();
    page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await signIn(page, server, admin);
    for (const body of [
      { name: '厦门远航物流有限公司', country: 'US', status: 'active' },
      { name: '厦门海通货运有限公司', country: 'US', status: 'active' },
      { name: 'Bremen Freight GmbH', country: 'DE' },
      { name: '华为技术有限公司' },
      { name: '華為技術有限公司' },
    ]) {
      expect((await api('POST', '/api/customers', body)).status).toBe(201);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const api = (method: string, path: string, body?: unknown) => pageApi(page, method, path, body);
  const rows = () => page.getByTestId('customer-table').locator('tbody tr.ant-table-row');
  const okInModal = () => page.locator('.ant-modal-footer .ant-btn-primary:visible').click();

  it('saves the current filters as a view and applies it again', async () => {
    await page.goto(`${server.url}/customers?country=US`);
    await expect.poll(() => rows().count()).toBe(2);
    await page.getByTestId('save-view').click();
    await page.getByTestId('saved-view-name').fill('美国客户');
    await okInModal();
    await page.getByTestId('saved-view-actions').waitFor();

    await page.goto(`${server.url}/customers`);
    await expect.poll(() => rows().count()).toBe(5);
    await choose(page, page.getByTestId('saved-view-select'), '美国客户');
    await expect.poll(() => new URL(page.url()).searchParams.get('country')).toBe('US');
    await expect.poll(() => rows().count()).toBe(2);
  });

  it('creates a segment from the list and counts its members on demand', async () => {
    await page.goto(`${server.url}/customers?country=US&status=active`);
    await expect.poll(() => rows().count()).toBe(2);
    await page.getByTestId('save-as-segment').click();
    await page.getByTestId('segment-name').fill('美国活跃客户');
    await okInModal();

    await page.getByTestId('nav-customer-segments').click();
    const row = page.getByTestId('segment-table').locator('tr', { hasText: '美国活跃客户' });
    await row.getByTestId('segment-count').click();
    await expect.poll(() => row.getByTestId('segment-member-count').textContent()).toBe('2');
    await row.getByTestId('segment-open').click();
    await expect.poll(() => rows().count()).toBe(2);
    const segmentId = new URL(page.url()).searchParams.get('segment');
    expect(segmentId).toMatch(/^[0-9a-f-]{36}$/);
    // The segment stays one filter among others: a search narrows its members further.
    await page.getByTestId('customer-search').fill('远航');
    await expect.poll(() => rows().count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('segment')).toBe(segmentId);
  });

  it('filters the customer list by a segment picked by name', async () => {
    await page.goto(`${server.url}/customers`);
    await expect.poll(() => rows().count()).toBe(5);
    await choose(page, page.getByTestId('filter-segment'), '美国活跃客户', { search: '活跃' });
    await expect.poll(() => rows().count()).toBe(2);
    expect(await rows().allTextContents()).toEqual([expect.stringContaining('厦门'), expect.stringContaining('厦门')]);
    // Reloaded, the address keeps the segment and the picker shows its name.
    await page.reload();
    await expect.poll(() => rows().count()).toBe(2);
    // The picker shows "…" until it has read the segment's name.
    await expect.poll(() => page.getByTestId('filter-segment').textContent()).toContain('美国活跃客户');
    await expect.poll(() => page.getByTestId('save-view').isDisabled()).toBe(true);
    await page.getByTestId('clear-filters').click();
    await expect.poll(() => rows().count()).toBe(5);
  });

  it('shows data quality and hides a duplicate group marked "not duplicates"', async () => {
    await page.getByTestId('nav-data-quality').click();
    await page.getByTestId('dq-completeness').waitFor();
    expect(await page.getByTestId('dq-field-country').textContent()).toContain('3 / 5');
    const group = page.getByTestId('duplicate-group').filter({ hasText: '華為技術有限公司' });
    await group.waitFor();
    await group.getByTestId('duplicate-dismiss').click();
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await group.waitFor({ state: 'detached' });
  });

  it('lists the groups marked "not duplicates" and undoing one shows the group for review again', async () => {
    await page.getByTestId('dq-open-dismissed').click();
    const row = page.getByTestId('dismissal-table').locator('tr.ant-table-row', { hasText: '華為技術有限公司' });
    await row.waitFor();
    expect(await row.textContent()).toContain('管理员');
    await row.getByTestId('dismissal-undo').click();
    await page.locator('.ant-popconfirm .ant-btn-primary:visible').click();
    await page.locator('.ant-message', { hasText: '已撤销' }).waitFor();
    await row.waitFor({ state: 'detached' });
    await page.locator('.ant-drawer-close').click();
    await page.getByTestId('duplicate-group').filter({ hasText: '華為技術有限公司' }).waitFor();
  });
});
