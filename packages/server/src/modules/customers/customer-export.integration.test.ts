import { fixedClock } from '@berth/domain';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { anOrganisation, type Factories } from '../../../test/factories';
import type { Member } from '../../../test/factories/member';
import { startTestApp, type TestApp } from '../../../test/harness';

/** Read back what a user downloads: the file name the browser saves, the workbook's cells. */
async function workbookOf(response: LightMyRequestResponse): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  return workbook.worksheets[0] as ExcelJS.Worksheet;
}

/** The file name a browser takes: RFC 5987 `filename*` when there, else `filename`. */
function savedFileName(response: LightMyRequestResponse): string {
  const header = String(response.headers['content-disposition']);
  const star = /filename\*=UTF-8''([^;]+)/.exec(header)?.[1];
  return star ? decodeURIComponent(star) : (/filename="([^"]*)"/.exec(header)?.[1] ?? '');
}

const rowValues = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);

describe('exports speak the reader’s language and time', () => {
  let t: TestApp;
  let admin: Member;
  let make: Factories;
  // 00:30 on 7 December in Beijing is still the 6th in UTC.
  const now = new Date('2026-12-06T16:30:00Z');

  beforeAll(async () => {
    t = await startTestApp({}, { clock: fixedClock(now) });
  });
  beforeEach(async () => {
    ({ admin, make } = await anOrganisation(t));
  });
  afterAll(() => t.close());

  const exportAs = (format: 'csv' | 'xlsx', query: string, headers: Record<string, string> = {}) =>
    t.request('GET', `/api/customers/export?format=${format}${query}`, { as: admin, headers });

  async function aWalkInConsignee() {
    const customer = await make.customer({
      name: '宁波海天国际物流有限公司',
      country: 'DE',
      status: 'prospect',
      relationshipType: 'walk_in',
      roles: ['consignee', 'shipper'],
      tradeProfile: { lanes: [{ pol: 'CNNGB', pod: 'DEHAM', mode: 'air' }] },
    });
    // Created 00:37 Beijing time on the 7th.
    await t.db.execute(sql`update customers set created_at = '2026-12-06T16:37:31Z' where id = ${customer.id}`);
    return customer;
  }

  it('writes headers, codes and dates in Chinese and Beijing time, named 客户-<the reader’s day>.xlsx', async () => {
    const customer = await aWalkInConsignee();
    const response = await exportAs('xlsx', '&lang=zh-CN', { 'accept-language': 'en' });
    expect(response.statusCode).toBe(200);
    expect(savedFileName(response)).toBe('客户-2026-12-07.xlsx');
    // Clients that know only the ASCII name get the English one.
    expect(response.headers['content-disposition']).toContain('filename="customers-2026-12-07.xlsx"');
    const sheet = await workbookOf(response);
    expect(sheet.name).toBe('客户');
    const headers = rowValues(sheet, 1);
    expect(headers).toEqual(expect.arrayContaining(['客户编码', '状态', '合作类型', '客户角色', '创建时间']));
    const row = Object.fromEntries(headers.map((h, i) => [h, rowValues(sheet, 2)[i]]));
    expect(row).toMatchObject({
      客户编码: customer.code,
      状态: '潜在客户',
      合作类型: '散客',
      客户角色: '收货人、发货人',
      航线: 'CNNGB-DEHAM 空运',
      '国家/地区': '德国',
    });
    // A real Excel date: 00:37 on the 7th, as a Beijing reader sees it.
    const created = sheet.getRow(2).getCell(headers.indexOf('创建时间') + 1);
    expect(created.type).toBe(ExcelJS.ValueType.Date);
    expect((created.value as Date).toISOString()).toBe('2026-12-07T00:37:31.000Z');
    expect(created.numFmt).toBe('yyyy-mm-dd hh:mm');
  });

  it('writes English headers and values from Accept-Language, in the user’s own time zone', async () => {
    await aWalkInConsignee();
    await t.db.execute(sql`update users set time_zone = 'Europe/Berlin' where id = ${admin.id}`);
    const response = await exportAs('xlsx', '', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(savedFileName(response)).toBe('customers-2026-12-06.xlsx');
    const sheet = await workbookOf(response);
    expect(sheet.name).toBe('Customers');
    const headers = rowValues(sheet, 1);
    const row = Object.fromEntries(headers.map((h, i) => [h, rowValues(sheet, 2)[i]]));
    expect(row).toMatchObject({
      Status: 'Prospect',
      Relationship: 'Walk-in',
      Roles: 'Consignee, Shipper',
      Country: 'Germany',
      Lanes: 'CNNGB-DEHAM Air',
    });
    // 16:37 UTC is 17:37 in Berlin in December.
    expect((row.Created as Date).toISOString()).toBe('2026-12-06T17:37:31.000Z');
  });

  it('writes CSV with the same words and the local time as text, and audits every export', async () => {
    await aWalkInConsignee();
    const response = await exportAs('csv', '&lang=en');
    expect(savedFileName(response)).toBe('customers-2026-12-07.csv');
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toContain('Code,Name,English name');
    expect(lines[1]).toContain('Prospect,Walk-in,"Consignee, Shipper"');
    expect(lines[1]).toContain('2026-12-07 00:37');
    const audit = (await t.request('GET', '/api/audit?action=export&entity=customers', { as: admin })).json().items;
    expect(audit[0].meta).toMatchObject({ format: 'csv', rows: 1 });
    expect(audit[0].meta.filters).not.toHaveProperty('lang');
  });
});
