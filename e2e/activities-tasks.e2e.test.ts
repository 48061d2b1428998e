import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpOrganization, signIn } from './console-session';
import { openBrowser, privateServer } from './run-context';
import { apiSession } from './sales-helpers';
import type { ServerProcess } from './server-process';

const admin = { email: 'admin@follow-up.example', password: 'Follow-admin-2026' };
const rep = { email: 'rep@follow-up.example', password: 'Follow-rep-2026' };
const wechatRep = { email: 'wechat@follow-up.example', password: 'Follow-wechat-2026' };
const day = 86_400_000;

describe('activities, next-step tasks and my day in the browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // The test clock lets the test run the hourly next-step job as if days had passed. A server of its own:
    // the job runs over every organisation and the test checks what it counted.
    server = await privateServer({ ALLOW_TEST_CLOCK: 'true' });
    await setUpOrganization(server, '宁波跟进货代', admin);
    browser = await openBrowser();
    page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('logs a call from the customer page; the next-step rule later gives the rep a task they complete', async () => {
    const asAdmin = await apiSession(server, admin);
    const roles = (await asAdmin('GET', '/api/roles')).body.items as { id: string; key: string }[];
    const created = await asAdmin('POST', '/api/users', {
      ...rep,
      name: '林销售',
      roleId: roles.find((r) => r.key === 'sales_rep')?.id,
    });
    expect(created.status).toBe(201);
    const repId = created.body.id as string;
    const customer = await asAdmin('POST', '/api/customers', { name: '宁波北仑国际物流有限公司', ownerId: repId });
    expect(customer.status).toBe(201);
    const inquiry = await asAdmin('POST', '/api/inquiries', {
      customerId: customer.body.id,
      pol: 'CNNGB',
      pod: 'USLAX',
      mode: 'FCL',
      message: '每月 10 个 40HQ，请报价',
    });
    expect(inquiry.status, JSON.stringify(inquiry.body)).toBe(201);
    const opportunity = (await asAdmin('GET', `/api/opportunities/${inquiry.body.opportunityId}`)).body;
    expect(opportunity).toMatchObject({ ownerId: repId, stage: 'inquiry' });

    await signIn(page, server, rep);
    await page.goto(`${server.url}/customers/${customer.body.id}`);
    await page.getByTestId('customer-360').waitFor();
    await page.getByTestId('customer-360').getByTestId('log-activity').first().click();
    await page.getByTestId('activity-subject').fill('电话确认报价需求');
    await page.getByTestId('activity-opportunity').click();
    await page.keyboard.type(opportunity.code);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option-active', { hasText: opportunity.code })
      .waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('activity-outcome').fill('客户下周确认舱位');
    await page.getByTestId('activity-save').click();
    await page.locator('.ant-message', { hasText: '已记录活动' }).waitFor();

    await page.goto(`${server.url}/customers/${customer.body.id}?tab=activities`);
    const item = page.getByTestId('activity-item').filter({ hasText: '电话确认报价需求' });
    await item.waitFor();
    expect(await item.textContent()).toContain(opportunity.title);
    await page.goto(`${server.url}/customers/${customer.body.id}?tab=timeline`);
    await page.getByTestId('customer-timeline').filter({ hasText: '跟进活动“电话确认报价需求”' }).waitFor();

    const asRep = await apiSession(server, rep);
    const afterCall = (await asRep('GET', `/api/opportunities/${opportunity.id}`)).body;
    expect(afterCall.lastActivityAt).not.toBeNull();

    // Two days without activity in "inquiry" is the default rule: three days later it has fired, once.
    const asOf = new Date(Date.now() + 3 * day).toISOString();
    const run = await asAdmin('POST', '/api/test-clock/run', { job: 'sales.next-steps', asOf });
    expect(run).toMatchObject({ status: 200, body: { result: { created: 1 } } });
    expect((await asAdmin('POST', '/api/test-clock/run', { job: 'sales.next-steps', asOf })).body.result).toEqual({
      created: 0,
    });

    await page.getByTestId('nav-my-day').click();
    const upcoming = page.getByTestId('my-day-upcoming');
    const task = upcoming.getByTestId('task-item').filter({ hasText: opportunity.title });
    await task.waitFor();
    expect(await task.textContent()).toContain('2 天无活动');
    await task.getByTestId('task-complete').click();
    await page.locator('.ant-message', { hasText: '任务已完成' }).waitFor();
    await expect
      .poll(
        async () => (await asRep('GET', `/api/tasks?relatedType=opportunity&relatedId=${opportunity.id}`)).body.items,
      )
      .toEqual([expect.objectContaining({ status: 'done', source: 'rule', assigneeId: repId })]);
    const notifications = (await asRep('GET', '/api/notifications')).body.items as { kind: string }[];
    expect(notifications.map((n) => n.kind)).toContain('task.next_step');
  });

  it('logs a WeChat chat without a subject and with its next step as a task, which my day and the calendar show', async () => {
    const asAdmin = await apiSession(server, admin);
    const roles = (await asAdmin('GET', '/api/roles')).body.items as { id: string; key: string }[];
    const created = await asAdmin('POST', '/api/users', {
      ...wechatRep,
      name: '吴微信',
      roleId: roles.find((r) => r.key === 'sales_rep')?.id,
    });
    expect(created.status).toBe(201);
    const repId = created.body.id as string;
    const customer = await asAdmin('POST', '/api/customers', { name: '宁波海星国际货运有限公司', ownerId: repId });
    expect(customer.status).toBe(201);

    // A page of its own, so the test passes alone and after the one above.
    const own = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })).newPage();
    await signIn(own, server, wechatRep);
    await own.goto(`${server.url}/customers/${customer.body.id}`);
    await own.getByTestId('customer-360').waitFor();
    await own.getByTestId('customer-360').getByTestId('log-activity').first().click();
    await own.getByTestId('activity-kind').locator('[data-kind="wechat"]').click();
    // No subject: the list names it from kind, customer and the notes.
    await own.getByTestId('activity-minutes').fill('客户微信确认下周两个40HQ，宁波到汉堡');
    await own.getByTestId('activity-next-step').check();
    await own.getByTestId('activity-next-title').fill('周五前发送汉堡报价');
    await own.getByTestId('activity-save').click();
    await own.locator('.ant-message', { hasText: '已创建下一步任务' }).waitFor();

    await own.goto(`${server.url}/customers/${customer.body.id}?tab=activities`);
    const item = own
      .getByTestId('activity-item')
      .filter({ hasText: '微信沟通 · 宁波海星国际货运有限公司：客户微信确认' });
    await item.waitFor();
    expect(await item.getByTestId('activity-kind-tag').textContent()).toBe('微信');
    await own.getByTestId('activity-kind-filter').getByText('微信 1').waitFor();

    const asRep = await apiSession(server, wechatRep);
    const tasks = (await asRep('GET', `/api/tasks?customerId=${customer.body.id}`)).body.items;
    expect(tasks).toEqual([
      expect.objectContaining({
        title: '周五前发送汉堡报价',
        assigneeId: repId,
        related: expect.objectContaining({ type: 'customer', id: customer.body.id }),
      }),
    ]);
    const activity = (await asRep('GET', `/api/activities?customerId=${customer.body.id}`, undefined)).body.items[0];
    expect(activity).toMatchObject({ kind: 'wechat', subject: null });

    // The next step is due tomorrow at 9:00 by default: my day lists it with its customer.
    await own.getByTestId('nav-my-day').click();
    await own.getByTestId('my-day').getByTestId('task-item').filter({ hasText: '周五前发送汉堡报价' }).waitFor();

    // The calendar shows the chat under its derived subject.
    await own.goto(`${server.url}/calendar`);
    await own.getByTestId('calendar-activity').filter({ hasText: '微信沟通' }).first().waitFor();
    await own.context().close();
  });
});
