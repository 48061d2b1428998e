import { PassThrough, Readable } from 'node:stream';
import {
  type Customer,
  countryName,
  type customerListQuerySchema,
  formatLaneText,
  formatPhone,
  type Lane,
  type Locale,
  specialCargoLabel,
} from '@berth/domain';
import { stringify } from 'csv-stringify';
import { and, eq, type SQL } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { users } from '../../db/schema';
import { recordEvent } from '../../platform/audit';
import { type Ctx, requireScope } from '../../platform/context';
import { withinSegment } from '../segments/public';
import { customersInScope } from './customer-scope';
import { findCustomers } from './find-customers';
import { spreadsheetText } from './spreadsheet-text';

type Filters = Omit<z.infer<typeof customerListQuerySchema>, 'limit' | 'cursor'>;
/** What an export reads: the list's filters, and the segment's members it is restricted to. */
interface Selection {
  query: Omit<Filters, 'segment'>;
  within?: SQL;
}
const batchSize = 500;

const headers: Record<Locale, string[]> = {
  'zh-CN': [
    '客户编码',
    '客户名称',
    '英文名称',
    '统一社会信用代码',
    '国家/地区',
    '地址',
    '电话',
    '邮箱',
    '行业',
    '状态',
    '合作类型',
    '客户角色',
    '航线',
    '主要货物',
    'HS章节',
    '特殊货物',
    '负责人',
    '创建时间',
  ],
  en: [
    'Code',
    'Name',
    'English name',
    'Credit code',
    'Country',
    'Address',
    'Phone',
    'Email',
    'Industry',
    'Status',
    'Relationship',
    'Roles',
    'Lanes',
    'Commodities',
    'HS chapters',
    'Special cargo',
    'Owner',
    'Created',
  ],
};

function rowOf(c: Customer, locale: Locale, owners: Map<string, string>): (string | number | null)[] {
  return [
    c.code,
    c.name,
    c.nameEn,
    c.creditCode,
    c.country ? (countryName(c.country, locale) ?? c.country) : null,
    c.address,
    c.phone ? formatPhone(c.phone, locale) : null,
    c.email,
    c.industry,
    c.status,
    c.relationshipType,
    c.roles.join(', '),
    c.tradeProfile.lanes.map((l) => formatLaneText(l as Lane, locale)).join('; '),
    c.tradeProfile.commodities.join(', '),
    c.tradeProfile.hsChapters.join(', '),
    c.tradeProfile.specialCargo.map((kind) => specialCargoLabel(kind, locale)).join(', '),
    c.ownerId ? (owners.get(c.ownerId) ?? null) : null,
    c.createdAt,
  ];
}

/** Every customer the filters select and the actor may see, page by page (never the whole list in memory). */
async function* exportRows(ctx: Ctx, selection: Selection, filters: Filters, format: string) {
  const ownerRows = await ctx.db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.orgId, ctx.orgId));
  const owners = new Map(ownerRows.map((u) => [u.id, u.name]));
  yield headers[ctx.locale];
  let cursor: string | undefined;
  let count = 0;
  do {
    const query = { ...selection.query, limit: batchSize, cursor };
    const page = await findCustomers(ctx, query, undefined, selection.within);
    for (const customer of page.items) yield rowOf(customer, ctx.locale, owners);
    count += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  await recordEvent(ctx, { action: 'export', entity: 'customers', meta: { format, filters, rows: count } });
}

/**
 * Streams the filtered customer list (or a segment's members) as CSV (UTF-8 with BOM, so Excel
 * shows Chinese) or .xlsx. The segment is looked up before the stream starts, so an unknown one
 * fails the request instead of the file.
 */
export async function exportCustomers(ctx: Ctx, filters: Filters, format: 'csv' | 'xlsx'): Promise<Readable> {
  requireScope(ctx, 'customers', 'export');
  const { segment, ...own } = filters;
  const listed: Selection = segment ? await withinSegment(ctx, segment, own) : { query: own };
  // The list applies the read scope; a file leaves the system, so the export scope narrows it too.
  const selection = { ...listed, within: and(listed.within, customersInScope(ctx, 'export')) };
  const rows = Readable.from(exportRows(ctx, selection, filters, format));
  if (format === 'csv') return rows.pipe(stringify({ bom: true, cast: { string: spreadsheetText } }));
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(ctx.locale === 'en' ? 'Customers' : '客户');
  void (async () => {
    try {
      let first = true;
      for await (const row of rows) {
        const added = sheet.addRow(row);
        if (first) added.font = { bold: true };
        first = false;
        added.commit();
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}
