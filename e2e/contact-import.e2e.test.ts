import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageApi, setUpOrganization, signIn } from './console-session';
import { openBrowser, sharedServer, tempDir } from './run-context';
import type { E2eServer } from './server-process';

const admin = { email: 'admin@ningbo-forwarding.example', password: 'Ningbo-admin-2026' };

describe('importing contacts in the browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = sharedServer();
    await setUpOrganization(server, '宁波国际货代', admin);
    browser = await openBrowser();
    page = await (await browser.newContext({ locale: 'zh-CN', acceptDownloads: true })).newPage();
    await signIn(page, server, admin);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('downloads the contact template, imports contacts onto a customer and lists the unknown customer row', async () => {
    const customer = (await pageApi(page, 'POST', '/api/customers', { name: '宁波港通物流有限公司' })).body as {
      id: string;
      code: string;
    };
    await page.goto(`${server.url}/customers/import`);
    await page.getByTestId('import-entity-contacts').click();
    await expect.poll(() => page.url()).toContain('entity=contacts');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-template').click()]);
    // The server writes it, in the console's language.
    expect(download.suggestedFilename()).toMatch(/^导入模板-联系人-.*\.xlsx$/);
    const template = path.join(tempDir(), 'template.xlsx');
    await download.saveAs(template);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(template);
    const headers = ((workbook.worksheets[0] as ExcelJS.Worksheet).getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(expect.arrayContaining(['客户编码', '姓名', '生日', '主要联系人']));

    const file = path.join(tempDir(), '联系人.csv');
    fs.writeFileSync(
      file,
      [
        '客户编码,姓名,手机,生日,主要联系人',
        `${customer.code},王芳,13800138000,1990年5月1日,是`,
        'C999999,李雷,13900139000,,',
        `${customer.code},韩梅梅,13700137000,1992/3/8,否`,
      ].join('\r\n'),
    );
    await page.setInputFiles('[data-testid=import-file]', file);
    expect(await page.getByTestId('import-encoding').textContent()).toContain('UTF-8');
    await expect.poll(() => page.getByTestId('import-mapping').textContent()).toContain('客户编码');
    await page.getByTestId('start-import').click();
    await expect
      .poll(() => page.getByTestId('import-status').getAttribute('data-status'), { timeout: 60_000 })
      .toBe('succeeded');
    const count = async (id: string) => Number(await page.getByTestId(id).getAttribute('data-value'));
    expect({ created: await count('import-created'), failed: await count('import-failed') }).toEqual({
      created: 2,
      failed: 1,
    });
    const errorRow = page.getByTestId('import-error-row');
    expect(await errorRow.count()).toBe(1);
    expect(await errorRow.first().textContent()).toContain('3');
    expect(await errorRow.first().textContent()).toContain('客户编码');

    const contacts = (await pageApi(page, 'GET', `/api/customers/${customer.id}/contacts`)).body.items as {
      name: string;
    }[];
    expect(contacts.map((c) => c.name).sort()).toEqual(['王芳', '韩梅梅'].sort());
  });
});
