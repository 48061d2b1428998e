import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpOrganization, signIn } from './console-session';
import { choose } from './pick-option';
import { openBrowser, sharedServer } from './run-context';
import type { E2eServer } from './server-process';

const admin = { email: 'admin@pipeline-forwarding.example', password: 'Pipeline-admin-2026' };
const rep = { email: 'rep@pipeline-forwarding.example', password: 'Pipeline-rep-2026' };

describe('the sales pipeline in the browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let apiKey: string;
  let adminCookie: string;
  let csrf: string;
  let customerId: string;

  /** The API as the administrator (a session from Node, not the browser). */
  const adminApi = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        cookie: adminCookie,
        'x-csrf-token': csrf,
        // The manager overwrites whatever version is there: that is the point of the test.
        ...(method === 'PATCH' ? { 'if-match': '*' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };
  /** The API as the signed-in rep, from their browser page. */
  const repApi = (path: string) =>
    page.evaluate(async (url) => (await fetch(url)).json(), path) as Promise<Record<string, unknown>>;

  beforeAll(async () => {
    server = sharedServer();
    await setUpOrganization(server, '宁波商机货代', admin);
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(admin),
    });
    adminCookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    csrf = (await login.json()).csrfToken;
    const roles = (await adminApi('GET', '/api/roles')).body.items as { id: string; key: string }[];
    const roleOf = (key: string) => roles.find((r) => r.key === key)?.id;
    const team = (await adminApi('POST', '/api/teams', { name: '华东销售部' })).body.id;
    const created = await adminApi('POST', '/api/users', {
      ...rep,
      name: '王芳',
      roleId: roleOf('sales_rep'),
      teamId: team,
    });
    expect(created.status).toBe(201);
    const customer = await adminApi('POST', '/api/customers', {
      name: '宁波远洋电子有限公司',
      ownerId: created.body.id,
      teamId: team,
      status: 'prospect',
    });
    expect(customer.status).toBe(201);
    customerId = customer.body.id;
    // The customer's price inquiry arrives through the API (a web form or the portal would use a key too).
    apiKey = (await adminApi('POST', '/api/api-keys', { name: '官网询价', roleId: roleOf('customer_service') })).body
      .secret;
    const inquiry = await fetch(`${server.url}/api/inquiries`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({
        customerId: customer.body.id,
        pol: 'CNNGB',
        pod: 'USLAX',
        mode: 'FCL',
        message: '每月 8 个 40HQ，请报价',
      }),
    });
    expect(inquiry.status).toBe(201);

    browser = await openBrowser();
    page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await signIn(page, server, rep);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const card = (column: string) =>
    page.getByTestId(`board-column-${column}`).getByTestId('opportunity-card').filter({ hasText: 'CNNGB→USLAX' });
  /**
   * Drags with the mouse in small steps, as a person does: the browser starts an HTML5 drag only
   * after the pressed mouse has moved a little.
   */
  const drag = async (source: Locator, target: Locator) => {
    await source.scrollIntoViewIfNeeded();
    const from = await source.boundingBox();
    if (!from) throw new Error('the card is not on the page');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 20, from.y + from.height / 2 + 20, { steps: 5 });
    await target.scrollIntoViewIfNeeded();
    const to = await target.boundingBox();
    if (!to) throw new Error('the column is not on the page');
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 });
    await page.mouse.up();
  };
  const overallWinRate = () =>
    page.getByTestId('stats-table').locator('tr', { hasText: '全部' }).getByTestId('win-rate');

  it("puts the inquiry on the owner's board and in their notifications", async () => {
    await page.getByTestId('notification-badge').filter({ hasText: '1' }).waitFor();
    await page.getByTestId('notification-bell').click();
    await page
      .getByTestId('notification-item')
      .filter({ hasText: '宁波远洋电子有限公司 询价 CNNGB→USLAX FCL' })
      .waitFor();
    await page.keyboard.press('Escape');

    await page.getByTestId('nav-opportunities').click();
    await card('inquiry').waitFor();
    expect(await card('inquiry').textContent()).toContain('CNNGB→USLAX FCL 询价');
    expect(await card('inquiry').textContent()).toContain('王芳');
  });

  it('reloads a card someone else changed meanwhile and says so, instead of moving it', async () => {
    const second = await fetch(`${server.url}/api/inquiries`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ customerId, pol: 'CNSHA', pod: 'DEHAM', mode: 'lcl' }),
    });
    const { opportunityId } = await second.json();
    await page.reload();
    const stale = page
      .getByTestId('board-column-inquiry')
      .getByTestId('opportunity-card')
      .filter({ hasText: 'CNSHA→DEHAM' });
    await stale.waitFor();
    // The manager renames it while the rep's board still shows the old version.
    const renamed = await adminApi('PATCH', `/api/opportunities/${opportunityId}`, {
      title: 'CNSHA→DEHAM 拼箱 年度合约',
    });
    expect(renamed.status).toBe(200);
    await drag(stale, page.getByTestId('board-column-negotiation'));
    await page.locator('.ant-message', { hasText: '该商机刚被他人修改' }).waitFor();
    await page
      .getByTestId('board-column-inquiry')
      .getByTestId('opportunity-card')
      .filter({ hasText: 'CNSHA→DEHAM 拼箱 年度合约' })
      .waitFor();
    const current = await repApi(`/api/opportunities/${opportunityId}`);
    expect(current).toMatchObject({ stage: 'inquiry', version: 2 });
  });

  it('moves the card to proposal by drag and drop, then wins it through the dialog', async () => {
    await page.goto(`${server.url}/opportunities/forecast`);
    await expect.poll(async () => overallWinRate().textContent()).toBe('—');
    await page.getByTestId('stats-table').locator('tr', { hasText: '全部' }).waitFor();

    await page.getByTestId('nav-opportunities').click();
    await drag(card('inquiry'), page.getByTestId('board-column-proposal'));
    await card('proposal').waitFor();
    await page.locator('.ant-message', { hasText: '已将' }).waitFor();
    await expect.poll(async () => card('inquiry').count()).toBe(0);
    const moved = (await repApi('/api/opportunities?stage=proposal')).items as { probability: number }[];
    expect(moved).toHaveLength(1);
    expect(moved[0]?.probability).toBe(30);

    await drag(card('proposal'), page.getByTestId('board-column-won'));
    await page.getByTestId('close-opportunity-modal').waitFor();
    expect(await page.locator('.ant-modal').textContent()).toContain('标记为赢单');
    await page.getByTestId('confirm-close').click();
    await card('won').waitFor();
    const won = (await repApi('/api/opportunities?status=won')).items as { id: string; stage: string }[];
    expect(won).toHaveLength(1);

    // The opportunity's page shows the way it went.
    await card('won').getByTestId('opportunity-card-title').click();
    await page.getByTestId('opportunity-status').filter({ hasText: '赢单' }).waitFor();
    await page.getByRole('tab', { name: '阶段记录' }).click();
    const history = page.getByTestId('stage-history');
    await history.locator('tbody tr').nth(2).waitFor();
    expect(await history.locator('tbody tr').count()).toBe(3);
    // The prospect became a customer with its first win.
    const customers = (await repApi('/api/customers')).items as { status: string }[];
    expect(customers[0]?.status).toBe('active');
  });

  it('asks for the reason when a card is moved to lost', async () => {
    await page.getByTestId('nav-opportunities').click();
    const other = page
      .getByTestId('board-column-inquiry')
      .getByTestId('opportunity-card')
      .filter({ hasText: 'CNSHA→DEHAM' });
    await drag(other, page.getByTestId('board-column-lost'));
    await page.getByTestId('close-opportunity-modal').waitFor();
    await page.getByTestId('confirm-close').click();
    await page.locator('.ant-form-item-explain-error', { hasText: '请选择丢单原因' }).waitFor();
    await choose(page, page.getByTestId('lost-reason'), '价格偏高');
    await page.getByTestId('lost-note').fill('对方选择了船东直订');
    await page.getByTestId('confirm-close').click();
    await page
      .getByTestId('board-column-lost')
      .getByTestId('opportunity-card')
      .filter({ hasText: 'CNSHA→DEHAM' })
      .waitFor();
    const lost = (await repApi('/api/opportunities?status=lost')).items as { lostNote: string; lostReasonId: string }[];
    expect(lost).toHaveLength(1);
    expect(lost[0]?.lostNote).toBe('对方选择了船东直订');
  });

  it('shows the win in the forecast and the win rate', async () => {
    await page.goto(`${server.url}/opportunities/forecast`);
    // One won, one lost.
    await expect.poll(async () => overallWinRate().textContent()).toBe('50%');
    const thisMonth = new Date().toISOString().slice(0, 7);
    const row = page.getByTestId('forecast-table').locator('tr', { hasText: thisMonth });
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    // Group, currency, open, expected, weighted, weighted margin, won, won revenue.
    expect(cells[0]).toBe(thisMonth);
    expect(cells[2]).toBe('0');
    expect(cells[6]).toBe('1');
  });
});
