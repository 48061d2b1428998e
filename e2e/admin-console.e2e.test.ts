import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, selectAround } from './pick-option';
import { openBrowser, tempDir } from './run-context';
import { freePort, ServerProcess } from './server-process';

const admin = { name: '王总', email: 'admin@haigang.example', password: 'Haigang-admin-2026' };
const rep = { name: '李销售', email: 'li.sales@haigang.example', password: 'Li-sales-pass-1' };

describe('a new company sets up Berth in the browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // A server of its own on an empty data directory: a new installation, migrated on its first start,
    // whose first-run setup this file goes through.
    server = new ServerProcess(await freePort(), tempDir());
    await server.start();
    browser = await openBrowser();
    page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const signIn = async (who: { email: string; password: string }) => {
    await page.goto(`${server.url}/login`);
    await page.locator('#login_email').fill(who.email);
    await page.locator('#login_password').fill(who.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-menu').waitFor();
  };
  const signOut = async () => {
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.locator('#login_email').waitFor();
  };
  const chooseOption = (selectId: string, label: string) => choose(page, selectAround(page, selectId), label);
  const api = (path: string) =>
    page.evaluate(async (url) => {
      const response = await fetch(url);
      return { status: response.status, body: await response.json() };
    }, path);

  it('runs first-run setup and lands on the home page', async () => {
    await page.goto(server.url);
    await page.waitForURL(/\/setup$/);
    await page.locator('#setup_organization_name').fill('海港国际货运代理有限公司');
    await page.locator('#setup_admin_name').fill(admin.name);
    await page.locator('#setup_admin_email').fill(admin.email);
    await page.locator('#setup_admin_password').fill(admin.password);
    await page.locator('#setup_admin_confirm').fill(admin.password);
    await page.getByTestId('setup-submit').click();
    await expect.poll(() => page.getByTestId('org-name').textContent()).toBe('海港国际货运代理有限公司');
  });

  it('signs out and in again, and switches to English and back', async () => {
    await signOut();
    await signIn(admin);
    await expect.poll(() => page.getByTestId('home-role').textContent()).toBe('系统管理员');
    await page.getByTestId('user-menu').click();
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('home-role').textContent()).toBe('Administrator');
    expect(await page.getByTestId('nav-users').textContent()).toContain('Users');
    await page.getByTestId('user-menu').click();
    await page.getByTestId('lang-zh-CN').click();
    await expect.poll(() => page.getByTestId('home-role').textContent()).toBe('系统管理员');
  });

  it('creates a team and a sales-rep user in it', async () => {
    await page.getByTestId('nav-teams').click();
    await page.getByTestId('create-team').click();
    await page.locator('#team_name').fill('华东销售部');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-table-row', { hasText: '华东销售部' }).waitFor();

    await page.getByTestId('nav-users').click();
    await page.getByTestId('create-user').click();
    await page.locator('#user-create_email').fill(rep.email);
    await page.locator('#user-create_name').fill(rep.name);
    await page.locator('#user-create_password').fill(rep.password);
    await chooseOption('#user-create_roleId', '销售代表');
    await chooseOption('#user-create_teamId', '华东销售部');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-table-row', { hasText: rep.email }).waitFor();
  });

  it('shows a duplicate email as an error on the email field', async () => {
    await page.getByTestId('create-user').click();
    await page.locator('#user-create_email').fill(rep.email);
    await page.locator('#user-create_name').fill('重复');
    await page.locator('#user-create_password').fill(rep.password);
    await chooseOption('#user-create_roleId', '销售代表');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect
      .poll(() => page.locator('.ant-form-item-has-error', { has: page.locator('#user-create_email') }).textContent())
      .toContain('该邮箱已被使用');
    await page.locator('.ant-modal-wrap:visible .ant-modal-footer .ant-btn:not(.ant-btn-primary)').click();
    // Let the dialog finish closing before anything else is clicked.
    await expect.poll(() => page.locator('.ant-modal-wrap:visible').count()).toBe(0);
  });

  it('lets the sales rep see only what the role allows, enforced by the server', async () => {
    await signOut();
    // The login page, visited afresh without a session, makes no request that fails.
    const failed: string[] = [];
    const onResponse = (response: { status(): number; url(): string }) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    };
    page.on('response', onResponse);
    await page.reload();
    await page.locator('#login_email').waitFor();
    page.off('response', onResponse);
    expect(failed).toEqual([]);
    await signIn(rep);
    await expect.poll(() => page.getByTestId('home-role').textContent()).toBe('销售代表');
    expect(await page.getByTestId('nav-audit').count()).toBe(0);
    expect(await page.getByTestId('nav-roles').count()).toBe(0);
    expect(await page.getByTestId('nav-users').count()).toBe(0);
    expect(await page.getByTestId('nav-teams').count()).toBe(0);
    await page.goto(`${server.url}/admin/audit`);
    await page.locator('.ant-result-403').waitFor();
    expect((await api('/api/audit')).status).toBe(403);
    const users = await api('/api/users');
    expect(users.body.items.map((u: { email: string }) => u.email)).toEqual([rep.email]);
  });

  it('shows these actions in the audit log', async () => {
    await page.goto(`${server.url}/`);
    await signOut();
    await signIn(admin);
    await page.getByTestId('nav-audit').click();
    await page.locator('.ant-table-row').first().waitFor();
    const entries = (await api('/api/audit?limit=200')).body.items as {
      action: string;
      entity: string;
      actorName: string;
    }[];
    const has = (action: string, entity: string) => entries.some((e) => e.action === action && e.entity === entity);
    expect(has('create', 'organizations')).toBe(true);
    expect(has('create', 'teams')).toBe(true);
    expect(has('create', 'users')).toBe(true);
    expect(has('login', 'users')).toBe(true);
    expect(has('logout', 'users')).toBe(true);
    expect(entries.find((e) => e.entity === 'teams')?.actorName).toBe(admin.name);
    expect(await page.locator('.ant-table-row').count()).toBeGreaterThan(3);
    // Signing in leaves one entry, not also a system update of the user.
    expect(entries.some((e) => e.entity === 'users' && e.action === 'update' && e.actorName === null)).toBe(false);
  });

  it('names the records in the audit log and filters by choice, not by typed keys', async () => {
    await page.getByTestId('nav-audit').click();
    await page.locator('.ant-table-row').first().waitFor();
    await choose(page, selectAround(page, '#audit-filters_entity'), '团队', { search: '团队' });
    await page.getByRole('button', { name: /查\s*询|搜\s*索/ }).click();
    await expect.poll(() => page.locator('.ant-table-tbody').textContent()).toContain('华东销售部');
    const table = (await page.locator('.ant-table-tbody').textContent()) ?? '';
    expect(table).toContain('团队');
    expect(table).not.toMatch(/\bteams\b/);
    expect(await page.locator('#audit-filters_entityId').count()).toBe(0);
  });
});
