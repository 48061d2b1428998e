import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageApi, setUpOrganization, signIn } from './console-session';
import { choose } from './pick-option';
import { openBrowser, sharedServer, tempDir } from './run-context';
import type { E2eServer } from './server-process';

const admin = { email: 'admin@ningbo-shipping.example', password: 'Ningbo-admin-2026' };
const colleague = { email: 'service@ningbo-shipping.example', password: 'Service-pass-2026', name: '客服周敏' };
const customerName = '宁波港联国际物流有限公司';

describe('notes with mentions, notifications and attachments in the browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let customerUrl = '';

  beforeAll(async () => {
    server = sharedServer();
    await setUpOrganization(server, '宁波港联货代', admin);
    browser = await openBrowser();
    page = await (await browser.newContext({ locale: 'zh-CN', acceptDownloads: true })).newPage();
    await signIn(page, server, admin);
    const roles = await pageApi(page, 'GET', '/api/roles?limit=200');
    const roleId = roles.body.items.find((r: { key: string }) => r.key === 'customer_service').id;
    const user = await pageApi(page, 'POST', '/api/users', {
      email: colleague.email,
      name: colleague.name,
      password: colleague.password,
      roleId,
    });
    expect(user.status).toBe(201);
    const customer = await pageApi(page, 'POST', '/api/customers', { name: customerName });
    expect(customer.status).toBe(201);
    customerUrl = `${server.url}/customers/${customer.body.id}`;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('mentions a colleague in a note, who sees it behind the bell and opens the customer', async () => {
    await page.goto(`${customerUrl}?tab=notes`);
    const input = page.locator('[data-testid="customer-notes"] .ant-mentions textarea');
    await input.click();
    await input.pressSequentially('已寄出合同，请 @客服');
    await page.locator('.ant-mentions-dropdown-menu-item', { hasText: colleague.name }).click();
    await input.pressSequentially('跟进开票信息');
    const [created] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/notes') && r.request().method() === 'POST'),
      page.getByTestId('note-submit').click(),
    ]);
    expect(created.status(), await created.text()).toBe(201);
    expect((await created.json()).mentions.map((m: { name: string }) => m.name)).toEqual([colleague.name]);
    await expect.poll(() => page.getByTestId('note-body').first().textContent()).toContain(`@${colleague.name}`);
    expect(await page.getByTestId('note-item').first().textContent()).toContain(`提及：${colleague.name}`);

    const other = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    try {
      await signIn(other, server, colleague);
      const bell = other.getByTestId('notification-bell');
      await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 15_000 }).toBe('通知（1 条未读）');
      expect(await bell.locator('.ant-badge-count').textContent()).toContain('1');
      await bell.click();
      const item = other.getByTestId('notification-item').first();
      await item.waitFor();
      expect(await item.textContent()).toContain(`管理员 在 ${customerName} 的备注中提到了你`);
      expect(await item.textContent()).toContain('跟进开票信息');
      await item.click();
      await other.getByTestId('customer-360').waitFor();
      expect(other.url()).toBe(customerUrl);
      await expect.poll(() => bell.getAttribute('aria-label')).toBe('通知（0 条未读）');
    } finally {
      await other.context().close();
    }
  });

  it('finds a colleague to mention by pinyin and by initials, as the server matches them', async () => {
    await page.goto(`${customerUrl}?tab=notes`);
    const input = page.locator('[data-testid="customer-notes"] .ant-mentions textarea');
    for (const typed of ['@kefu', '@kfzm']) {
      await input.fill('');
      await input.click();
      await input.pressSequentially(`请 ${typed}`);
      await page.locator('.ant-mentions-dropdown-menu-item', { hasText: colleague.name }).waitFor();
    }
    await input.fill('');
  });

  it('uploads a PDF and downloads the same bytes', async () => {
    const pdf = Buffer.concat([
      Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n'),
      Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31) % 256)),
      Buffer.from('\n%%EOF\n'),
    ]);
    await page.goto(`${customerUrl}?tab=attachments`);
    await choose(page, page.getByTestId('attachment-kind'), '合同');
    await page.locator('[data-testid="customer-attachments"] input[type="file"]').setInputFiles({
      name: '框架合同 2026.pdf',
      mimeType: 'application/pdf',
      buffer: pdf,
    });
    const row = page.getByTestId('attachment-row').first();
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('框架合同 2026.pdf');
    expect(await row.textContent()).toContain('合同');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('attachment-download').first().click(),
    ]);
    const saved = path.join(tempDir(), 'contract.pdf');
    await download.saveAs(saved);
    expect(download.suggestedFilename()).toBe('框架合同 2026.pdf');
    expect(fs.readFileSync(saved).equals(pdf)).toBe(true);

    await page.goto(`${customerUrl}?tab=timeline`);
    await expect.poll(() => page.getByTestId('customer-timeline').textContent()).toContain('框架合同 2026.pdf');
  });

  it('refuses a file of an unsupported type with one message, without field keys', async () => {
    await page.goto(`${customerUrl}?tab=attachments`);
    await page.locator('[data-testid="customer-attachments"] input[type="file"]').setInputFiles({
      name: 'setup.exe',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('MZ this is not a document'),
    });
    const notice = page.locator('.ant-message-error').last();
    await notice.waitFor();
    const text = (await notice.textContent()) ?? '';
    expect(text).not.toMatch(/\bfile:/);
    // The refusal is said once, not repeated by its field error.
    const sentences = text.split('。').filter((sentence) => sentence.trim() !== '');
    expect(new Set(sentences).size).toBe(sentences.length);
  });
});
