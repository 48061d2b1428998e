import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpOrganization, signIn } from './console-session';
import { openBrowser, privateServer } from './run-context';
import { apiSession, dragWithMouse } from './sales-helpers';
import type { ServerProcess } from './server-process';

const admin = { email: 'admin@acceptance-forwarding.example', password: 'Acceptance-admin-2026' };
const rep = { email: 'rep@acceptance-forwarding.example', password: 'Acceptance-rep-2026' };
const customerName = 'Ningbo Ocean Electronics Co., Ltd.';
// The inquiry is sent in English, so the opportunity it opens is named in English.
const title = 'CNNGB→USLAX FCL inquiry';
const hour = 3_600_000;
const day = 24 * hour;

/**
 * The acceptance story in one run, in English (the rep's language): a customer's inquiry
 * reaches the rep's board and bell, the rep logs a call, moves the card to proposal, the proposal
 * rule gives them a task once three days have passed, they win the deal, and the forecast shows it.
 */
describe('the sales pipeline from inquiry to won deal', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // The test clock lets the test run the hourly next-step job as if days had passed. A server of its own:
    // the job runs over every organisation and the test checks what it counted.
    server = await privateServer({ ALLOW_TEST_CLOCK: 'true' });
    await setUpOrganization(server, 'Acceptance Forwarding', admin);
    browser = await openBrowser();
    page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  const boardCard = (stage: string) =>
    page.getByTestId(`board-column-${stage}`).getByTestId('opportunity-card').filter({ hasText: title });
  const toast = (text: string) => page.locator('.ant-message', { hasText: text });

  /** What the forecast page shows for the rep's pipeline: the totals of the forecast and the overall win rate. */
  const forecastNumbers = async () => {
    const totals = page.getByTestId('forecast-totals').locator('tr.ant-table-row');
    const overall = page.getByTestId('stats-table').locator('tr[data-row-key="__overall"]');
    await totals.first().waitFor();
    await overall.waitFor();
    // Totals: group, currency, open, expected, weighted, weighted margin, won, won revenue.
    const total = await totals.first().locator('td').allTextContents();
    // Stats: group, total, open, won, lost, win rate, cycle days, days per stage.
    const stats = await overall.locator('td').allTextContents();
    return {
      currencies: await totals.count(),
      forecastOpen: total[2],
      forecastWon: total[6],
      won: stats[3],
      lost: stats[4],
      winRate: stats[5],
    };
  };

  it('turns an inquiry into a won deal the forecast counts', async () => {
    // 1. Set-up over the API: the rep (working in English), their prospect, an earlier lost deal
    // so the win rate has a value before the win, and a key for the website's inquiry form.
    const asAdmin = await apiSession(server, admin);
    const roles = (await asAdmin('GET', '/api/roles')).body.items as { id: string; key: string }[];
    const roleOf = (key: string) => roles.find((r) => r.key === key)?.id;
    const createdRep = await asAdmin('POST', '/api/users', {
      ...rep,
      name: 'Lin Wei',
      roleId: roleOf('sales_rep'),
      locale: 'en',
    });
    expect(createdRep.status).toBe(201);
    const repId = createdRep.body.id as string;
    const customer = await asAdmin('POST', '/api/customers', {
      name: customerName,
      ownerId: repId,
      status: 'prospect',
    });
    expect(customer.status).toBe(201);
    const reasons = (await asAdmin('GET', '/api/opportunities/lost-reasons')).body.items as { id: string }[];
    const earlierLoss = await asAdmin('POST', '/api/opportunities', {
      customerId: customer.body.id,
      title: 'CNNGB→DEHAM LCL tender',
      lanes: [{ pol: 'CNNGB', pod: 'DEHAM', mode: 'lcl' }],
      source: 'referral',
      ownerId: repId,
      stage: 'lost',
      lostReasonId: reasons[0]?.id,
    });
    expect(earlierLoss.status, JSON.stringify(earlierLoss.body)).toBe(201);
    const apiKey = (
      await asAdmin('POST', '/api/api-keys', { name: 'Website inquiries', roleId: roleOf('customer_service') })
    ).body.secret as string;

    // 2. The customer's inquiry arrives through the API and opens an opportunity for its owner,
    // who finds it on their board and in the bell after signing in.
    const inquiry = await fetch(`${server.url}/api/inquiries`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({
        customerId: customer.body.id,
        pol: 'CNNGB',
        pod: 'USLAX',
        mode: 'FCL',
        message: '8 x 40HQ per month, please quote',
      }),
    });
    expect(inquiry.status).toBe(201);

    await signIn(page, server, rep);
    await page.getByTestId('nav-opportunities').click();
    await boardCard('inquiry').waitFor();
    expect(await boardCard('inquiry').textContent()).toContain('Lin Wei');
    await page.getByTestId('notification-badge').filter({ hasText: '1' }).waitFor();

    // The forecast before any of the rep's work: this deal open, the earlier one lost.
    await page.getByTestId('open-forecast').click();
    const before = await forecastNumbers();
    expect(before).toEqual({
      currencies: 1,
      forecastOpen: '1',
      forecastWon: '0',
      won: '0',
      lost: '1',
      winRate: '0%',
    });

    await page.getByTestId('notification-bell').click();
    const inquiryNotice = page
      .getByTestId('notification-item')
      .filter({ hasText: `${customerName} asks for a price CNNGB→USLAX FCL` });
    await inquiryNotice.waitFor();
    expect(await inquiryNotice.textContent()).toContain('Opened opportunity');

    // 3. The notification leads to the opportunity, where the rep logs the call.
    await inquiryNotice.click();
    await page.getByTestId('opportunity-page').filter({ hasText: title }).waitFor();
    await page.getByRole('tab', { name: 'Activities' }).click();
    await page.getByTestId('activity-list').getByTestId('log-activity').click();
    await page.locator('.ant-modal .ant-radio-group').getByText('Call', { exact: true }).click();
    await page.getByTestId('activity-subject').fill('Call about the LAX quote');
    await page.getByTestId('activity-outcome').fill('Customer waits for our rates');
    const logged = toast('Activity logged').waitFor();
    await page.getByTestId('activity-save').click();
    await logged;
    const call = page.getByTestId('activity-item').filter({ hasText: 'Call about the LAX quote' });
    await call.waitFor();
    expect(await call.getByTestId('activity-kind-tag').textContent()).toBe('Call');
    expect(await call.textContent()).toContain(title);

    // 4. On the board the rep drags the card to proposal.
    await page.getByTestId('nav-opportunities').click();
    const moved = toast(`Moved "${title}" to "Proposal / quote"`).waitFor();
    await dragWithMouse(page, boardCard('inquiry'), page.getByTestId('board-column-proposal'));
    await moved;
    await boardCard('proposal').waitFor();
    expect(await boardCard('inquiry').count()).toBe(0);

    // 5. Three days without an answer in proposal (the default rule): the hourly job, run as of
    // an hour after that, gives the rep one task and a notification.
    const asOf = new Date(Date.now() + 3 * day + hour).toISOString();
    const run = await asAdmin('POST', '/api/test-clock/run', { job: 'sales.next-steps', asOf });
    expect(run).toMatchObject({ status: 200, body: { result: { created: 1 } } });

    const taskTitle = `Chase an answer on ${title} (no reply for 3 days)`;
    await page.getByTestId('nav-my-day').click();
    const task = page.getByTestId('my-day-upcoming').getByTestId('task-item').filter({ hasText: taskTitle });
    await task.waitFor();
    // Tagged as a task from a next-step rule.
    expect(await task.textContent()).toContain('Next step');
    await page.getByTestId('notification-bell').click();
    await page
      .getByTestId('notification-item')
      .filter({ hasText: `Next step: ${taskTitle}` })
      .waitFor();
    await page.keyboard.press('Escape');

    // 6. From the task the rep opens the opportunity and marks it won in the dialog.
    await task.getByRole('link', { name: title }).click();
    await page.getByTestId('opportunity-page').filter({ hasText: title }).waitFor();
    await page.getByTestId('mark-won').click();
    const dialog = page.locator('.ant-modal').filter({ has: page.getByTestId('close-opportunity-modal') });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`Mark "${title}" as won?`);
    // Watched from before the click: the message shows for three seconds, which a run on a busy machine can miss
    // if it starts looking only after the click returns.
    const movedToWon = toast(`Moved "${title}" to "Won"`).waitFor();
    await page.getByTestId('confirm-close').click();
    await movedToWon;
    await page.getByTestId('opportunity-status').filter({ hasText: 'Won' }).waitFor();

    // 7. The forecast counts the deal as won instead of open; the win rate goes from 0% to 50%.
    await page.getByTestId('nav-opportunities').click();
    await page.getByTestId('open-forecast').click();
    await expect
      .poll(forecastNumbers)
      .toEqual({ ...before, forecastOpen: '0', forecastWon: '1', won: '1', winRate: '50%' });
  });
});
