import { customerColumnHeaders, suggestImportMapping } from '@berth/domain';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganisation, type Factories } from '../../../test/factories';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';

async function headerRow(response: LightMyRequestResponse): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
  expect(sheet.rowCount).toBe(1);
  return (sheet.getRow(1).values as unknown[]).slice(1).map(String);
}

function savedFileName(response: LightMyRequestResponse): string {
  const header = String(response.headers['content-disposition']);
  const star = /filename\*=UTF-8''([^;]+)/.exec(header)?.[1];
  return star ? decodeURIComponent(star) : (/filename="([^"]*)"/.exec(header)?.[1] ?? '');
}

describe('import templates come from the server in the reader’s language', () => {
  let t: TestApp;
  let admin: Session;
  let make: Factories;

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin, make } = await anOrganisation(t, { name: '模板货代' }));
  });
  afterAll(() => t?.close());

  it('heads the customer template with the words the export writes, in Chinese and English, and audits it', async () => {
    const zh = await t.request('GET', '/api/imports/templates/customers', {
      as: admin,
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(zh.statusCode, zh.body).toBe(200);
    expect(zh.headers['content-type']).toContain('spreadsheetml');
    const zhHeaders = await headerRow(zh);
    expect(zhHeaders).toContain('客户名称');
    expect(zhHeaders).toContain('客户标签');
    expect(zhHeaders).toContain(customerColumnHeaders.commodities['zh-CN']);
    expect(savedFileName(zh)).toMatch(/^导入模板-客户-\d{4}-\d{2}-\d{2}\.xlsx$/);

    const en = await t.request('GET', '/api/imports/templates/customers?lang=en', { as: admin });
    expect(en.statusCode, en.body).toBe(200);
    const enHeaders = await headerRow(en);
    expect(enHeaders.slice(5, 8)).toEqual(['Name', 'English name', 'Credit code']);
    expect(enHeaders.some((h) => /\p{Script=Han}/u.test(h))).toBe(false);
    expect(savedFileName(en)).toMatch(/^import-template-customers-\d{4}-\d{2}-\d{2}\.xlsx$/);
    // A filled-in copy maps itself, in either language.
    expect(Object.keys(suggestImportMapping('customers', enHeaders))).toHaveLength(enHeaders.length);
    expect(Object.keys(suggestImportMapping('customers', zhHeaders))).toHaveLength(zhHeaders.length);

    const contacts = await t.request('GET', '/api/imports/templates/contacts?lang=en', { as: admin });
    expect(contacts.statusCode).toBe(200);
    expect(await headerRow(contacts)).toContain('Customer code');

    const audit = (await t.request('GET', '/api/audit?entity=imports&action=export', { as: admin })).json().items;
    expect(audit.filter((e: { meta: { report?: string } }) => e.meta?.report === 'template')).toHaveLength(3);
  });

  it('serves a template only to those who may import the entity', async () => {
    const finance = await make.user('finance', { name: '孙丽' });
    const refused = await t.request('GET', '/api/imports/templates/customers', { as: finance });
    expect(refused.statusCode).toBe(403);
    const unknown = await t.request('GET', '/api/imports/templates/invoices', { as: admin });
    expect(unknown.statusCode).toBe(400);
  });
});
