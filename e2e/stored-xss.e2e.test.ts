import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpOrganization, signIn } from './console-session';
import { openBrowser, sharedServer } from './run-context';
import type { E2eServer } from './server-process';

/**
 * Stored XSS: markup and script URLs saved through the API into every kind of text the console shows.
 * Each page must show them as text: no script runs (`window.__xss` stays undefined), no dialog opens,
 * no injected element or handler reaches the DOM (the CSP would report it), and no `javascript:` link exists.
 */
const admin = { email: 'admin@xss-forwarding.example', password: 'Xss-admin-2026' };
const author = { email: 'author@xss-forwarding.example', password: 'Xss-author-2026' };

const img = '<img src=x onerror="window.__xss=1;alert(1)">';
const script = '<script>window.__xss=1</script>';
const svg = '"><svg onload="window.__xss=1;alert(2)">';
const jsUrl = 'javascript:window.__xss=1;alert(3)//';
const iframe = '<iframe src="javascript:alert(\'x\')"></iframe>';

const customerName = `XSS客户 ${img}`;
const renamedName = `改名 ${svg}`;
const contactName = `联系人 ${svg}`.slice(0, 100);
const tagName = img.slice(0, 50);
const authorName = `作者 ${script}`;
const noteBody = `备注 ${img} ${script} ${svg} ${iframe} ${jsUrl}`;
const fileName = `${img}.pdf`;
const segmentName = `分群 ${script}`;
const teamName = `团队 ${svg}`;

// biome-ignore lint/suspicious/noExplicitAny: JSON answers of many shapes, read field by field
type Api = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>;

/** Signs in through the API and returns a caller that sends the session cookie and CSRF token. */
async function apiSession(server: E2eServer, who: { email: string; password: string }): Promise<Api> {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.getSetCookie().find((c) => c.startsWith('berth_session=')) ?? '').split(';')[0];
  const { csrfToken } = await login.json();
  return async (method, path, body) => {
    const isForm = body instanceof FormData;
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        cookie: cookie as string,
        'x-csrf-token': csrfToken,
        ...(body === undefined || isForm ? {} : { 'content-type': 'application/json' }),
        ...(method === 'PATCH' ? { 'if-match': '*' } : {}),
      },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
}

describe('stored XSS payloads are shown as text everywhere in the console', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let customerId = '';
  let renamedId = '';
  const dialogs: string[] = [];

  beforeAll(async () => {
    server = sharedServer();
    await setUpOrganization(server, 'XSS 安全货代', admin);
    const api = await apiSession(server, admin);
    const created = async (path: string, body: unknown) => {
      const response = await api('POST', path, body);
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return response.body;
    };

    const roles = (await api('GET', '/api/roles?limit=200')).body.items as { id: string; key: string }[];
    const team = await created('/api/teams', { name: teamName });
    await created('/api/users', {
      email: author.email,
      name: authorName,
      password: author.password,
      roleId: roles.find((r) => r.key === 'admin')?.id,
      teamId: team.id,
    });
    const tag = await created('/api/tags', { name: tagName, color: 'red' });
    const customer = await created('/api/customers', {
      name: customerName,
      nameEn: svg,
      address: script,
      website: jsUrl,
      industry: img,
      country: 'CN',
      status: 'active',
      tradeProfile: { commodities: [script.slice(0, 100)], preferredModes: [], lanes: [], specialNeeds: noteBody },
      billing: { invoiceTitle: img, billingAddress: svg },
    });
    customerId = customer.id;
    // The same name again makes a duplicate group on the data-quality page.
    await created('/api/customers', { name: customerName, website: 'javascript:alert(document.cookie)' });
    const renamed = await created('/api/customers', { name: `原名 ${script}` });
    renamedId = renamed.id;
    expect((await api('PATCH', `/api/customers/${renamedId}`, { name: renamedName, address: iframe })).status).toBe(
      200,
    );
    await created('/api/contacts', {
      customerId,
      name: contactName,
      title: img,
      wechat: script.slice(0, 100),
      emails: ['ops@xss.example'],
    });
    expect(
      (await api('POST', '/api/customers/bulk-tags', { customerIds: [customerId, renamedId], add: [tag.id] })).status,
    ).toBe(200);
    const form = new FormData();
    form.append('file', new Blob(['%PDF-1.4\n%%EOF\n']), fileName);
    form.append('description', svg);
    expect((await api('POST', `/api/customers/${customerId}/attachments`, form)).status).toBe(201);
    await created('/api/segments', { name: segmentName, description: img, filters: { status: 'active' } });
    await created('/api/saved-views', { resource: 'customers', name: `视图 ${img}`, state: { filters: {} } });

    // A colleague mentions the administrator: the notification carries the author's and the customer's names.
    const colleague = await apiSession(server, author);
    const note = await colleague('POST', `/api/customers/${customerId}/notes`, {
      body: noteBody,
      mentions: [(await api('GET', '/api/me')).body.user.id],
    });
    expect(note.status, JSON.stringify(note.body)).toBe(201);

    browser = await openBrowser();
    const context = await browser.newContext({ locale: 'zh-CN' });
    // Any markup that reached the DOM as markup would run into the CSP; collect what it refuses.
    await context.addInitScript(() => {
      const w = window as unknown as { __cspViolations: string[] };
      w.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        // zod probes once whether `new Function` is allowed; that refused eval is the app's own, not a payload.
        if (event.blockedURI === 'eval') return;
        w.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
      });
    });
    page = await context.newPage();
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await signIn(page, server, admin);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Nothing ran, nothing was injected, nothing was refused by the CSP, and no script link exists. */
  async function expectInert(label: string) {
    const state = await page.evaluate(() => {
      const w = window as unknown as { __xss?: unknown; __cspViolations: string[] };
      return {
        xss: w.__xss,
        violations: w.__cspViolations,
        injected: document.querySelectorAll(
          'img[src="x"], svg[onload], iframe, [onerror], [onload], body script:not([src])',
        ).length,
        scriptLinks: Array.from(document.querySelectorAll('a[href], area[href], iframe[src], form[action]'))
          .map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? '')
          .filter((href) => /^\s*(javascript|data|vbscript):/i.test(href)),
      };
    });
    expect(state.xss, label).toBeUndefined();
    expect(dialogs, label).toEqual([]);
    expect(state.violations, label).toEqual([]);
    expect(state.injected, label).toBe(0);
    expect(state.scriptLinks, label).toEqual([]);
  }
  const seeText = (text: string) => page.getByText(text, { exact: false }).first().waitFor();

  it('serves the console pages with the security headers', async () => {
    const response = await page.goto(`${server.url}/customers`);
    const headers = response?.headers() ?? {};
    expect(headers['content-type']).toContain('text/html');
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-frame-options']).toMatch(/^(DENY|SAMEORIGIN)$/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
  });

  it('lists the customers with markup names, tags and owners as text', async () => {
    await page.goto(`${server.url}/customers`);
    await seeText(customerName);
    await seeText(renamedName);
    await seeText(tagName);
    await expectInert('customer list');
  });

  it('shows the customer 360 profile, contacts, notes and attachments as text; the script URL is no link', async () => {
    await page.goto(`${server.url}/customers/${customerId}`);
    await seeText(customerName);
    await seeText(jsUrl);
    const websiteInLink = await page
      .getByText(jsUrl, { exact: false })
      .first()
      .evaluate((el) => el.closest('a') !== null);
    expect(websiteInLink).toBe(false);
    await expectInert('profile');
    for (const [tab, text] of [
      ['contacts', contactName],
      ['billing', img],
      ['notes', noteBody],
      ['attachments', fileName],
    ] as const) {
      await page.goto(`${server.url}/customers/${customerId}?tab=${tab}`);
      await seeText(text);
      await expectInert(`tab ${tab}`);
    }
  });

  it('shows old and new values on the timeline as text', async () => {
    await page.goto(`${server.url}/customers/${renamedId}?tab=timeline`);
    await page.getByTestId('timeline-entry').first().waitFor();
    await seeText(renamedName);
    await seeText(`原名 ${script}`);
    await expectInert('timeline of the renamed customer');
    await page.goto(`${server.url}/customers/${customerId}?tab=timeline`);
    await page.getByTestId('timeline-entry').first().waitFor();
    await seeText(fileName);
    await expectInert('timeline');
  });

  it('shows the mention notification, with the author and customer names, as text', async () => {
    await page.goto(`${server.url}/`);
    const bell = page.getByTestId('notification-bell');
    await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 15_000 }).toBe('通知（1 条未读）');
    await bell.click();
    const item = page.getByTestId('notification-item').first();
    await item.waitFor();
    expect(await item.textContent()).toContain(`${authorName} 在 ${customerName} 的备注中提到了你`);
    expect(await item.textContent()).toContain(noteBody.slice(0, 20));
    await expectInert('notifications');
  });

  it('shows duplicates and issues on the data-quality page as text', async () => {
    await page.goto(`${server.url}/data-quality`);
    const group = page.getByTestId('duplicate-group').filter({ hasText: customerName });
    await group.first().waitFor();
    await expectInert('data quality');
  });

  it('shows tags, segments, saved views, users, teams and the audit log as text', async () => {
    for (const [url, text] of [
      ['/customers/tags', tagName],
      ['/customers/segments', segmentName],
      ['/admin/users', authorName],
      ['/admin/teams', teamName],
      ['/admin/audit', authorName],
    ] as const) {
      await page.goto(`${server.url}${url}`);
      await seeText(text);
      await expectInert(url);
    }
    await page.goto(`${server.url}/customers`);
    await page.getByTestId('saved-view-select').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `视图 ${img}` }).waitFor();
    await expectInert('saved views');
  });
});
