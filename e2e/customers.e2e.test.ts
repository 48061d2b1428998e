import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageApi, setUpOrganization, signIn } from './console-session';
import { pickOption } from './pick-option';
import { openBrowser, sharedServer, tempDir } from './run-context';
import type { E2eServer } from './server-process';

const admin = { email: 'admin@xiamen-forwarding.example', password: 'Xiamen-admin-2026' };

describe('customer master data in the browser', () => {
  let server: E2eServer;
  let browser: Browser;
  let page: Page;
  let keptUrl = '';

  beforeAll(async () => {
    server = sharedServer();
    await setUpOrganization(server, '厦门国际货代', admin);
    browser = await openBrowser();
    page = await (await browser.newContext({ locale: 'zh-CN', acceptDownloads: true })).newPage();
    await signIn(page, server, admin);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const modalOk = () => page.locator('.ant-modal-wrap:visible .ant-modal-footer .ant-btn-primary').click();
  const fieldError = (id: string) =>
    page.locator('.ant-form-item', { has: page.locator(id) }).locator('.ant-form-item-explain');

  it('refuses a wrong credit code on its field and creates the customer once it is fixed', async () => {
    expect((await pageApi(page, 'POST', '/api/tags', { name: 'VIP', color: 'gold' })).status).toBe(201);
    await page.goto(`${server.url}/customers/new`);
    await page.locator('#customer_name').fill('厦门海湾进出口有限公司');
    await page.locator('#customer_creditCode').fill('91350100M000100Y44');
    await page.getByTestId('save-customer').click();
    await expect.poll(() => fieldError('#customer_creditCode').textContent()).toContain('校验位');
    await page.locator('#customer_creditCode').fill('91350100M000100Y43');
    await page.getByTestId('save-customer').click();
    await page.getByTestId('customer-360').waitFor();
    keptUrl = page.url();
    expect(keptUrl).toMatch(/\/customers\/[0-9a-f-]{36}/);
    expect(await page.getByTestId('customer-code').textContent()).toContain('C000001');
  });

  it('adds two contacts and a tag', async () => {
    await page.goto(`${keptUrl}?tab=contacts`);
    for (const [name, phone] of [
      ['王芳', '13800138000'],
      ['李强', '0592-5123456'],
    ]) {
      await page.getByTestId('add-contact').click();
      await page.locator('#contact_name').fill(name as string);
      await page.locator('#contact_phones_0').fill(phone as string);
      await modalOk();
      await page
        .getByTestId('contact-name')
        .filter({ hasText: name as string })
        .waitFor();
    }
    expect(await page.getByTestId('contact-row').count()).toBe(2);
    await page.getByTestId('add-customer-tag').click();
    // The choice took once the tag is being saved (the button shows it) or is shown.
    const vip = page.getByTestId('customer-tag').filter({ hasText: 'VIP' });
    const saving = page.locator('[data-testid="add-customer-tag"].ant-btn-loading');
    await pickOption(page, 'VIP', async () => (await vip.isVisible()) || (await saving.isVisible()));
    await vip.waitFor();
  });

  it('flags the same company typed in traditional characters with another legal suffix as a duplicate', async () => {
    await page.goto(`${server.url}/customers/new`);
    await page.locator('#customer_name').fill('廈門海灣進出口股份有限公司');
    const warning = page.getByTestId('duplicate-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('厦门海湾进出口有限公司');
    expect(await warning.textContent()).toContain('名称相同或相近');
  });

  it('shows who the customer is at a glance: status, owner, formatted phone of the contact, at the top of the page', async () => {
    await page.goto(keptUrl);
    const summary = page.getByTestId('customer-summary');
    await summary.waitFor();
    await expect.poll(() => page.getByTestId('summary-phone').first().textContent()).toContain('+86 138 0013 8000');
    expect(await page.getByTestId('summary-status').textContent()).toContain('潜在客户');
    // Owned by its creator since now, and protected as the pool rule says.
    await expect.poll(() => page.getByTestId('summary-owner').textContent()).toContain('保护至');
  });

  it('saves a likely duplicate only with a reason, and opens it at the top of the page', async () => {
    await page.goto(`${server.url}/customers/new`);
    await page.locator('#customer_name').fill('廈門海灣進出口股份有限公司');
    await page.getByTestId('duplicate-warning').waitFor();
    await page.getByTestId('save-customer').click();
    const confirm = page.getByTestId('confirm-duplicate-save');
    await confirm.waitFor();
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByTestId('duplicate-reason').fill('客户要求分开建档');
    await confirm.click();
    await page.getByTestId('customer-360').waitFor();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });

  it('merges the duplicate into the kept customer', async () => {
    const duplicateUrl = page.url();
    await page.goto(`${duplicateUrl}?tab=contacts`);
    await page.getByTestId('add-contact').click();
    await page.locator('#contact_name').fill('陈静');
    await modalOk();
    await page.getByTestId('contact-name').filter({ hasText: '陈静' }).waitFor();

    await page.goto(keptUrl);
    await page.getByTestId('merge-customer').click();
    await page.getByTestId('merge-candidate-pick').first().click();
    // What moves, and a choice per field: the merged record's name is kept.
    await page.getByTestId('merge-moves').waitFor();
    expect(await page.getByTestId('merge-move-contacts').textContent()).toContain('联系人 1');
    await page.getByTestId('merge-choice-name-source').click();
    await page.getByTestId('confirm-merge').click();
    await expect.poll(() => page.getByTestId('customer-code').textContent()).toContain('C000001');
    await expect.poll(() => page.getByTestId('customer-360').textContent()).toContain('廈門海灣進出口股份有限公司');
    // The timeline names the record merged in and where its contact came from, by code and name.
    await page.goto(`${keptUrl}?tab=timeline`);
    await page.getByTestId('timeline-merged-from').first().waitFor();
    expect(await page.getByTestId('timeline-merged-from').first().textContent()).toContain('C000002');
    const timeline = (await page.getByTestId('customer-timeline').textContent()) ?? '';
    expect(timeline).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await page.goto(`${keptUrl}?tab=contacts`);
    await page.getByTestId('contact-name').filter({ hasText: '陈静' }).waitFor();
    expect(await page.getByTestId('contact-row').count()).toBe(3);
    const gone = await pageApi(page, 'GET', duplicateUrl.replace('/customers/', '/api/customers/'));
    expect(gone.status).toBe(404);
  });

  it('imports a 1,000-row GBK CSV with 10 bad rows, lists exactly those, and a re-import adds nothing', async () => {
    const file = path.join(tempDir(), '客户导入.csv');
    fs.writeFileSync(file, gbkCustomers());
    const runImport = async () => {
      await page.goto(`${server.url}/customers/import`);
      await page.setInputFiles('[data-testid=import-file]', file);
      expect(await page.getByTestId('import-encoding').textContent()).toContain('GBK');
      await page.getByTestId('start-import').click();
      await expect
        .poll(() => page.getByTestId('import-status').getAttribute('data-status'), { timeout: 60_000 })
        .toBe('succeeded');
      const count = async (id: string) => Number(await page.getByTestId(id).getAttribute('data-value'));
      return {
        created: await count('import-created'),
        skipped: await count('import-skipped'),
        failed: await count('import-failed'),
      };
    };
    expect(await runImport()).toEqual({ created: 990, skipped: 0, failed: 10 });
    const report = await page.evaluate(async () => {
      const link = document.querySelector('[data-testid=import-error-report]') as HTMLAnchorElement;
      return (await fetch(link.href)).text();
    });
    const reportedRows = new Set(
      report
        .split('\n')
        .slice(1)
        .filter(Boolean)
        .map((line) => Number(line.split(',')[0])),
    );
    expect([...reportedRows].sort((a, b) => a - b)).toEqual(badRows);
    expect(await runImport()).toEqual({ created: 0, skipped: 990, failed: 10 });
  });

  it('exports the list to .xlsx that opens with every customer in it', async () => {
    await page.goto(`${server.url}/customers`);
    await page.getByTestId('export-customers').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    const saved = path.join(tempDir(), 'export.xlsx');
    await download.saveAs(saved);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).getCell(2).value).toBe('客户名称');
    expect(sheet?.rowCount).toBe(1 + 1 + 990);
    const names = new Set<string>();
    sheet?.eachRow((row) => names.add(String(row.getCell(2).value)));
    expect(names.has('廈門海灣進出口股份有限公司')).toBe(true);
    expect(names.has('导入货运500号有限公司')).toBe(true);
  });

  it('sorts the list by code from the column header, either way, and keeps the order in the address', async () => {
    await page.goto(`${server.url}/customers`);
    const codes = async () => (await page.getByTestId('customer-link').allTextContents()).slice(0, 20);
    const codeHeader = page.locator('th.ant-table-column-has-sorters').first();
    await codeHeader.click();
    await page.waitForURL(/sort=code/);
    await expect.poll(async () => (await codes())[0]).toBe('C000001');
    const ascending = await codes();
    expect(ascending).toEqual([...ascending].sort());
    await codeHeader.click();
    await page.waitForURL(/sort=-code/);
    await expect.poll(async () => (await codes())[0]).not.toBe('C000001');
    const descending = await codes();
    expect(descending).toEqual([...descending].sort().reverse());
    await page.reload();
    await expect.poll(codes).toEqual(descending);
  });
});

const badRows = [12, 40, 41, 150, 333, 500, 620, 777, 888, 1001];

/** What Chinese Excel saves: GBK, CRLF, Chinese headers; ten rows are broken in different ways. */
function gbkCustomers(): Buffer {
  const lines = ['客户名称,英文名称,统一社会信用代码,国家,联系电话,客户状态,航线'];
  for (let row = 2; row <= 1001; row++) {
    const i = row - 1;
    if (!badRows.includes(row)) {
      lines.push(
        `导入货运${i}号有限公司,Import Freight ${i},,中国,1390013${String(i).padStart(4, '0')},合作中,CNXMN-USLAX 整箱`,
      );
    } else if (row % 2) {
      lines.push(`,缺少名称 ${i},,中国,,,`);
    } else {
      lines.push(`坏行${i}号公司,,91350100M000100Y44,火星,12345,合作中,XIAMEN-LA 整箱`);
    }
  }
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'gbk');
}
