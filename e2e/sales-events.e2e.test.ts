import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageApi, setUpOrganization, signIn } from './console-session';
import { openBrowser, sharedServer } from './run-context';
import type { E2eServer } from './server-process';

const admin = { email: 'admin@expo-forwarding.example', password: 'Expo-admin-2026' };

describe('a sales event in the browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = sharedServer();
    await setUpOrganization(server, '厦门会展货代', admin);
    browser = await openBrowser();
    page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await signIn(page, server, admin);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const api = (method: string, path: string, body?: unknown, version?: number) =>
    pageApi(page, method, path, body, version === undefined ? {} : { 'if-match': `"${version}"` });
  /** Types into an antd select's search and takes the matching option with Enter. */
  const pick = async (testId: string, text: string) => {
    await page.getByTestId(testId).click();
    await page.keyboard.type(text);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option-active', { hasText: text }).waitFor();
    await page.keyboard.press('Enter');
  };
  const fieldError = (id: string) =>
    page.locator('.ant-form-item', { has: page.locator(id) }).locator('.ant-form-item-explain-error');

  it('plans an event with two participants and a roster, captures three leads and reports them', async () => {
    const roles = (await api('GET', '/api/roles')).body.items as { id: string; key: string }[];
    const repRole = roles.find((r) => r.key === 'sales_rep')?.id;
    for (const [name, email] of [
      ['林晓', 'lin@expo-forwarding.example'],
      ['郑阳', 'zheng@expo-forwarding.example'],
    ]) {
      const created = await api('POST', '/api/users', { email, name, password: 'Expo-rep-2026', roleId: repRole });
      expect(created.status).toBe(201);
    }

    // Plan the event: defaults put it a week ahead, 09:00–17:00.
    await page.getByTestId('nav-sales-events').click();
    await page.getByTestId('create-sales-event').click();
    await page.getByTestId('event-name').fill('2031 厦门国际物流展');
    await page.getByTestId('event-place').fill('厦门国际会展中心 B3 馆');
    await page.getByTestId('event-cost').fill('9000');
    await pick('event-participants', '林晓');
    await pick('event-participants', '郑阳');
    await page.keyboard.press('Escape');
    await page.getByTestId('save-sales-event').click();
    await page.getByTestId('sales-event-page').waitFor();
    await expect.poll(() => page.getByTestId('event-participant').allTextContents()).toEqual(['林晓', '郑阳']);

    // The duty roster: both participants all day; a second, overlapping shift of one person is refused on its field.
    for (const name of ['林晓', '郑阳']) {
      await pick('shift-user', name);
      await page.getByTestId('shift-add').click();
      await page.locator('.ant-message', { hasText: '值班表已保存' }).last().waitFor();
    }
    await expect.poll(() => page.getByTestId('roster-table').locator('tbody tr.ant-table-row').count()).toBe(2);
    await pick('shift-user', '林晓');
    await page.getByTestId('shift-add').click();
    await expect.poll(() => fieldError('#shift_startsAt').textContent()).toContain('此人在该时间段已有班次');

    // The checklist: add an item and tick it; who ticked it shows.
    await page.getByTestId('checklist-new').fill('印刷中英文宣传册');
    await page.getByTestId('checklist-add').click();
    await page.getByTestId('checklist-item').filter({ hasText: '印刷中英文宣传册' }).waitFor();
    await page.getByTestId('checklist-tick').click();
    await page.getByTestId('checklist-item').filter({ hasText: '管理员 于' }).waitFor();

    // Three visitors at the booth: one asks for a lane, which opens an inquiry.
    await page.getByTestId('capture-lead').click();
    await page.getByTestId('lead-company').fill('泉州安踏鞋服进出口有限公司');
    await page.getByTestId('lead-contact').fill('许经理');
    await pick('lead-pol', 'CNXMN');
    await pick('lead-pod', 'USLAX');
    await pick('lead-mode', '整箱');
    await page.getByTestId('save-lead').click();
    await page.locator('.ant-message', { hasText: '已登记线索：泉州安踏鞋服进出口有限公司' }).waitFor();
    await page.getByTestId('lead-company').fill('漳州绿源食品有限公司');
    await page.getByTestId('lead-phone').fill('13905961234');
    await page.getByTestId('save-lead').click();
    await page.locator('.ant-message', { hasText: '已登记线索：漳州绿源食品有限公司' }).waitFor();
    await page.getByTestId('lead-company').fill('Manila Bay Trading Corp.');
    await page.getByTestId('lead-email').fill('not-an-email');
    await page.getByTestId('save-lead').click();
    await expect.poll(() => fieldError('#lead_email').textContent()).toContain('邮箱');
    await page.getByTestId('lead-email').fill('buyer@manilabay.ph');
    await page.getByTestId('save-lead').click();
    await page.locator('.ant-message', { hasText: '已登记线索：Manila Bay Trading Corp.' }).waitFor();
    await page.keyboard.press('Escape');

    await expect.poll(() => page.getByTestId('leads-table').locator('tbody tr.ant-table-row').count()).toBe(3);
    await expect.poll(() => page.getByTestId('report-leads').textContent()).toContain('3');
    expect(await page.getByTestId('report-newProspects').textContent()).toContain('3');
    expect(await page.getByTestId('report-inquiries').textContent()).toContain('1');
    expect(await page.getByTestId('report-cost-per-lead').textContent()).toContain('3,000.00 CNY');

    // The opportunity the inquiry opened is won; the report shows its revenue.
    const leads = (
      await api('GET', `${new URL(page.url()).pathname.replace('/sales-events', '/api/sales-events')}/leads`)
    ).body.items as { opportunityId: string | null }[];
    const opportunityId = leads.find((l) => l.opportunityId)?.opportunityId;
    const opportunity = (await api('GET', `/api/opportunities/${opportunityId}`)).body;
    const won = await api(
      'PATCH',
      `/api/opportunities/${opportunityId}`,
      { expectedRevenue: { amount: '120000', currency: 'USD' }, stage: 'won' },
      opportunity.version,
    );
    expect(won.status).toBe(200);
    await page.reload();
    await expect.poll(() => page.getByTestId('report-won').textContent()).toContain('1');
    expect(await page.getByTestId('report-won-revenue').textContent()).toContain('120,000.00 USD');
  });

  it('spreads selected prospects over two reps round robin from the prospects page', async () => {
    for (const name of ['越南潜客甲', '越南潜客乙', '泰国潜客甲', '泰国潜客乙']) {
      const country = name.startsWith('越南') ? 'VN' : 'TH';
      expect((await api('POST', '/api/customers', { name, country, status: 'prospect', ownerId: null })).status).toBe(
        201,
      );
    }
    await page.getByTestId('nav-prospects').click();
    await page.getByTestId('only-unassigned').click();
    const rows = page.getByTestId('prospects-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(4);
    await page.getByTestId('prospects-table').locator('thead .ant-checkbox-input').check();
    await page.getByTestId('open-assign-prospects').click();
    await page.getByTestId('assign-mode').getByText('轮流平均分配').click();
    await pick('assign-reps', '林晓');
    await pick('assign-reps', '郑阳');
    await page.keyboard.press('Escape');
    await page.getByTestId('confirm-assign-prospects').click();
    await page.locator('.ant-message', { hasText: '已分配 4 个潜在客户' }).waitFor();
    await expect.poll(() => rows.count()).toBe(0);
    await page.getByTestId('only-unassigned').click();
    const owners = async (prefix: string) =>
      new Set(
        await page
          .getByTestId('prospects-table')
          .locator('tr.ant-table-row', { hasText: prefix })
          .getByTestId('prospect-owner')
          .allTextContents(),
      );
    // With the two leads of the first test that are still prospects (the won one became a customer).
    await expect.poll(() => rows.count()).toBe(4 + 2);
    // By country (the default): each country stays with one rep, and each rep gets two.
    expect([...(await owners('越南潜客'))]).toHaveLength(1);
    expect([...(await owners('泰国潜客'))]).toHaveLength(1);
    expect(new Set([...(await owners('越南潜客')), ...(await owners('泰国潜客'))])).toEqual(new Set(['林晓', '郑阳']));
  });
});
