import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageApi, setUpOrganization, signIn } from './console-session';
import { choose, selectAround } from './pick-option';
import { openBrowser, sharedServer } from './run-context';
import type { E2eServer } from './server-process';

const admin = { email: 'admin@pool-forwarding.example', password: 'Pool-admin-2026' };

describe('the public pool in the browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = sharedServer();
    await setUpOrganization(server, '青岛公海货代', admin);
    browser = await openBrowser();
    page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await signIn(page, server, admin);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const api = (method: string, path: string, body?: unknown) => pageApi(page, method, path, body);
  const pick = async (testId: string, text: string) => {
    await page.getByTestId(testId).click();
    // Typed into the select's search and chosen with Enter: the previous dropdown may still be fading out.
    await page.keyboard.type(text);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option-active', { hasText: text }).waitFor();
    await page.keyboard.press('Enter');
  };

  it('returns a customer to the pool from its page and claims it back from the pool page', async () => {
    const created = await api('POST', '/api/customers', { name: '青岛远洋国际物流有限公司' });
    expect(created.status).toBe(201);
    await page.goto(`${server.url}/customers/${created.body.id}`);
    await page.getByTestId('ownership-owner').filter({ hasText: '管理员' }).waitFor();
    await page.getByTestId('release-customer').click();
    await page.getByTestId('release-reason').fill('客户转由代理操作');
    await page.getByTestId('confirm-release').click();
    await page.getByTestId('in-pool-badge').waitFor();

    await page.getByTestId('nav-pool').click();
    await page.getByTestId('pool-quota').waitFor();
    await page.getByTestId('pool-search').fill('远洋');
    const row = page.getByTestId('pool-table').locator('tr', { hasText: '青岛远洋国际物流有限公司' });
    await row.getByTestId('claim-customer').click();
    await page.getByTestId('customer-360').waitFor();
    await page.getByTestId('ownership-owner').filter({ hasText: '管理员' }).waitFor();

    await page.goto(`${server.url}/customers/${created.body.id}?tab=timeline`);
    await page.getByTestId('timeline-ownership').first().waitFor();
    const actions = await page.getByTestId('timeline-action').allTextContents();
    expect(actions.slice(0, 2)).toEqual(['领取', '退回公海']);
    expect(await page.getByTestId('customer-timeline').textContent()).toContain('客户转由代理操作');
  });

  it('saves the pool rules and hands a departing rep’s customers to a colleague', async () => {
    await page.goto(`${server.url}/pool/rules`);
    const organisation = page.getByTestId('pool-rule-org');
    await organisation.getByTestId('save-rule').waitFor();
    await organisation.getByTestId('rule-enabled').click();
    await organisation.getByTestId('rule-maxClaimsPerDay').fill('5');
    await organisation.getByTestId('save-rule').click();
    await expect
      .poll(async () => (await api('GET', '/api/pool/rules')).body.default)
      .toMatchObject({
        enabled: true,
        maxClaimsPerDay: 5,
        version: 1,
      });

    const roles = (await api('GET', '/api/roles')).body.items as { id: string; key: string }[];
    const repRole = roles.find((r) => r.key === 'sales_rep')?.id;
    const rep = await api('POST', '/api/users', {
      email: 'leaving@pool-forwarding.example',
      name: '离职代表',
      password: 'Leaving-rep-2026',
      roleId: repRole,
    });
    expect(rep.status).toBe(201);
    for (const name of ['交接客户甲', '交接客户乙']) {
      expect((await api('POST', '/api/customers', { name, ownerId: rep.body.id })).status).toBe(201);
    }
    await page.goto(`${server.url}/pool`);
    await page.getByTestId('open-handover').click();
    await pick('handover-from', '离职代表');
    await pick('handover-to', '管理员');
    await page.getByTestId('confirm-handover').click();
    await page.locator('.ant-message', { hasText: '已交接 2 个客户' }).waitFor();
    const mine = (await api('GET', `/api/customers?ownerId=${rep.body.id}`)).body.items;
    expect(mine).toEqual([]);
  });

  it('hands a rep’s customers over from the users page, and offers it when such a rep is deactivated', async () => {
    const roles = (await api('GET', '/api/roles')).body.items as { id: string; key: string }[];
    const repRole = roles.find((r) => r.key === 'sales_rep')?.id;
    const newRep = async (email: string, name: string) => {
      const created = await api('POST', '/api/users', { email, name, password: 'Pool-rep-pass-2026', roleId: repRole });
      expect(created.status).toBe(201);
      return created.body.id as string;
    };
    const moving = await newRep('moving@pool-forwarding.example', '调岗代表');
    const leaving = await newRep('leaving-too@pool-forwarding.example', '离任代表');
    const taking = await newRep('taking@pool-forwarding.example', '接手代表');
    for (const [name, ownerId] of [
      ['调岗客户甲', moving],
      ['调岗客户乙', moving],
      ['离任客户丙', leaving],
    ] as const) {
      expect((await api('POST', '/api/customers', { name, ownerId })).status).toBe(201);
    }
    const namesOwnedBy = async (ownerId: string) =>
      ((await api('GET', `/api/customers?ownerId=${ownerId}`)).body.items as { name: string }[])
        .map((c) => c.name)
        .sort();

    // Loaded afresh: the reps were made through the API, behind the console's cached user list.
    await page.goto(`${server.url}/admin/users`);
    const rowOf = (name: string) => page.locator('.ant-table-row', { hasText: name });
    await rowOf('调岗代表').getByTestId('user-handover').click();
    await expect.poll(() => page.getByTestId('handover-from').textContent()).toContain('调岗代表');
    await pick('handover-to', '接手代表');
    await page.getByTestId('confirm-handover').click();
    await page.locator('.ant-message', { hasText: '已交接 2 个客户' }).waitFor();
    expect(await namesOwnedBy(moving)).toEqual([]);
    expect(await namesOwnedBy(taking)).toEqual(['调岗客户乙', '调岗客户甲']);

    // Deactivating a rep who still owns customers goes through, then offers the handover.
    await rowOf('离任代表').getByTestId('user-edit').click();
    // The form is filled from a fresh read of the user: wait for it before changing the status.
    const editForm = page.locator('form#user-edit');
    await expect
      .poll(() => editForm.locator('#user-edit_email').inputValue())
      .toBe('leaving-too@pool-forwarding.example');
    await choose(page, selectAround(page, '#user-edit_status', editForm), '已停用');
    await expect.poll(() => editForm.getByText('已停用').count()).toBeGreaterThan(0);
    await page.locator('.ant-modal-footer .ant-btn-primary:visible').click();
    await expect.poll(async () => (await api('GET', `/api/users/${leaving}`)).body.status).toBe('disabled');
    const offer = page.locator('.ant-modal-confirm', { hasText: '离任代表 名下仍有客户' });
    await offer.waitFor();
    await expect.poll(() => offer.textContent()).toContain('1');
    await offer.getByTestId('offer-handover').click();
    await expect.poll(() => page.getByTestId('handover-from').textContent()).toContain('离任代表');
    await pick('handover-to', '接手代表');
    await page.getByTestId('confirm-handover').click();
    await page.locator('.ant-message', { hasText: '已交接 1 个客户' }).waitFor();
    expect(await namesOwnedBy(leaving)).toEqual([]);
    expect(await namesOwnedBy(taking)).toEqual(['离任客户丙', '调岗客户乙', '调岗客户甲']);
  });
});
