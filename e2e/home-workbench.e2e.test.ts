import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpOrganization, signIn } from './console-session';
import { openBrowser, sharedServer } from './run-context';
import { apiSession } from './sales-helpers';
import type { E2eServer } from './server-process';

const admin = { email: 'admin@home-forwarding.example', password: 'Home-admin-2026' };
const rep = { email: 'rep@home-forwarding.example', password: 'Home-rep-2026-pass' };
const manager = { email: 'lead@home-forwarding.example', password: 'Home-lead-2026-pass' };
const day = 86_400_000;

/**
 * The home page as a workbench: a rep sees their tasks, waiting inquiries, pipeline and deals won; a manager also
 * sees the team's ranking. Both at 1440×900, in Chinese and in English.
 */
describe('the home workbench', () => {
  let server: E2eServer;
  let browser: Browser;

  beforeAll(async () => {
    server = sharedServer();
    await setUpOrganization(server, '首页国际货运 Home Forwarding', admin);
    browser = await openBrowser();

    const asAdmin = await apiSession(server, admin);
    const roles = (await asAdmin('GET', '/api/roles')).body.items as { id: string; key: string }[];
    const roleOf = (key: string) => roles.find((r) => r.key === key)?.id;
    const team = await asAdmin('POST', '/api/teams', { name: '华东销售部' });
    expect(team.status).toBe(201);
    const user = async (who: typeof rep, name: string, role: string) => {
      const made = await asAdmin('POST', '/api/users', { ...who, name, roleId: roleOf(role), teamId: team.body.id });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      return made.body.id as string;
    };
    const repId = await user(rep, '李一', 'sales_rep');
    await user(manager, '王经理', 'sales_manager');

    const asRep = await apiSession(server, rep);
    const customer = await asRep('POST', '/api/customers', { name: '宁波远洋电子有限公司', status: 'active' });
    expect(customer.status, JSON.stringify(customer.body)).toBe(201);
    const customerId = customer.body.id as string;
    const opportunity = (body: object) =>
      asRep('POST', '/api/opportunities', { customerId, source: 'referral', ownerId: repId, ...body });
    expect(
      (
        await opportunity({
          title: '宁波-汉堡整箱',
          stage: 'proposal',
          expectedRevenue: { amount: '12000.00', currency: 'USD' },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await opportunity({
          title: '宁波-洛杉矶',
          stage: 'won',
          expectedRevenue: { amount: '3000.00', currency: 'USD' },
        })
      ).status,
    ).toBe(201);
    const inquiry = await asRep('POST', '/api/inquiries', { customerId, pol: 'CNSHA', pod: 'USLAX', mode: 'LCL' });
    expect(inquiry.status, JSON.stringify(inquiry.body)).toBe(201);
    const task = await asRep('POST', '/api/tasks', {
      title: '回访宁波远洋',
      dueAt: new Date(Date.now() - 2 * day).toISOString(),
      related: { type: 'customer', id: customerId },
    });
    expect(task.status, JSON.stringify(task.body)).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const open = async (who: typeof rep, language: 'zh-CN' | 'en'): Promise<Page> => {
    const context = await browser.newContext({
      locale: language === 'en' ? 'en-GB' : 'zh-CN',
      viewport: { width: 1440, height: 900 },
    });
    const page = await context.newPage();
    await signIn(page, server, who);
    await page.getByTestId('user-menu').click();
    await page.getByTestId(`lang-${language}`).click();
    await page.getByTestId('home-cards').waitFor();
    return page;
  };
  const cardText = async (page: Page, key: string, text: string) => {
    const card = page.getByTestId(`home-card-${key}`);
    await expect.poll(() => card.textContent(), { timeout: 15_000 }).toContain(text);
    return card;
  };
  /** The card is inside the 1440 px wide window: no horizontal scrolling. */
  const fitsTheWindow = async (page: Page) => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(1440);
  };

  it.each(['zh-CN', 'en'] as const)('shows a rep their own workbench (%s)', async (language) => {
    const page = await open(rep, language);
    const zh = language === 'zh-CN';
    await cardText(page, 'tasks', '回访宁波远洋');
    await cardText(page, 'tasks', zh ? '已逾期' : 'Overdue');
    await cardText(page, 'inquiries', '宁波远洋电子有限公司');
    await cardText(page, 'inquiries', 'CNSHA → USLAX');
    await cardText(page, 'pipeline', zh ? '销售漏斗' : 'Pipeline by stage');
    await cardText(page, 'pipeline', '12,000.00 USD');
    // Stage names follow the language the user switched to.
    await cardText(page, 'pipeline', zh ? '报价/方案' : 'Proposal / quote');
    await page.getByTestId('home-pipeline-chart').locator('canvas').waitFor();
    const won = page.getByTestId('home-won-this-month');
    await expect.poll(() => won.textContent()).toContain('1');
    await page.getByTestId('home-won-chart').locator('canvas').waitFor();
    await cardText(page, 'pool-returns', zh ? '即将退回公海' : 'Returning to the pool soon');
    await cardText(page, 'shipments', zh ? '货物动态' : 'Shipments');
    // Managers' card only.
    expect(await page.getByTestId('home-card-team').count()).toBe(0);
    await fitsTheWindow(page);
    // A row leads to its record.
    await page.getByTestId('home-card-inquiries').getByRole('link', { name: '宁波远洋电子有限公司' }).click();
    await page.waitForURL(/\/opportunities\/[0-9a-f-]+$/);
    await page.context().close();
  });

  it.each(['zh-CN', 'en'] as const)('shows a manager the team’s numbers and ranking (%s)', async (language) => {
    const page = await open(manager, language);
    const zh = language === 'zh-CN';
    const team = await cardText(page, 'team', '李一');
    await cardText(page, 'team', zh ? '团队业绩排名' : 'Team ranking');
    await expect.poll(() => team.locator('tr.ant-table-row').first().textContent()).toContain('3,000.00 USD');
    await cardText(page, 'pipeline', zh ? '团队' : 'Team');
    await cardText(page, 'inquiries', '宁波远洋电子有限公司');
    await cardText(page, 'inquiries', '李一');
    await fitsTheWindow(page);
    await page.context().close();
  });
});
