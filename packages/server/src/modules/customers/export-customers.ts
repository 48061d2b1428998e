import type { Readable } from 'node:stream';
import {
  type Customer,
  countryName,
  customerColumnHeaders,
  type customerListQuerySchema,
  customerRoleLabels,
  customerStatusLabels,
  formatLaneText,
  formatPhone,
  type Lane,
  type Locale,
  labelOf,
  relationshipTypeLabels,
  specialCargoLabel,
} from '@berth/domain';
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { users } from '../../db/schema';
import { type Ctx, requireScope } from '../../platform/context';
import {
  type ExportColumn,
  type ExportFile,
  type ExportFormat,
  streamExport,
} from '../../platform/export/export-writer';
import { userTimeZone } from '../org-settings';
import { withinSegment } from '../segments';
import { pipelineCurrencies } from './customer-list-extras';
import { customersInScope } from './customer-scope';
import { findCustomers } from './find-customers';
import { contacts, customerTags, tags } from './tables';

type Filters = Omit<z.infer<typeof customerListQuerySchema>, 'limit' | 'cursor'>;
/** What an export reads: the list's filters, and the segment's members it is restricted to. */
interface Selection {
  query: Omit<Filters, 'segment'>;
  within?: SQL;
}
const batchSize = 500;

/** A customer with what the file shows beside the record. */
interface ExportRow {
  customer: Customer;
  ownerName: string | null;
  tagNames: string[];
  primaryContact: string | null;
}

const listSeparator: Record<Locale, string> = { 'zh-CN': '、', en: ', ' };

/**
 * One column per currency of the open pipelines the caller may see (amounts are never converted); none for a
 * caller without the revenue right.
 */
function pipelineColumns(currencies: string[] | null): ExportColumn<ExportRow>[] {
  return (currencies ?? []).map((currency) => ({
    header: { 'zh-CN': `进行中商机金额（${currency}）`, en: `Open pipeline (${currency})` },
    kind: 'number' as const,
    width: 18,
    value: ({ customer }: ExportRow) => customer.openPipeline?.find((m) => m.currency === currency)?.amount ?? null,
  }));
}

function customerColumns(locale: Locale, currencies: string[] | null): ExportColumn<ExportRow>[] {
  return [
    { header: customerColumnHeaders.code, width: 10, value: ({ customer }) => customer.code },
    { header: customerColumnHeaders.name, width: 32, value: ({ customer }) => customer.name },
    { header: customerColumnHeaders.nameEn, width: 32, value: ({ customer }) => customer.nameEn },
    {
      header: customerColumnHeaders.creditCode,
      width: 20,
      value: ({ customer }) => customer.creditCode,
    },
    {
      header: customerColumnHeaders.country,
      value: ({ customer }) => (customer.country ? (countryName(customer.country, locale) ?? customer.country) : null),
    },
    { header: customerColumnHeaders.address, width: 32, value: ({ customer }) => customer.address },
    {
      header: customerColumnHeaders.phone,
      width: 16,
      value: ({ customer }) => (customer.phone ? formatPhone(customer.phone, locale) : null),
    },
    { header: customerColumnHeaders.email, width: 24, value: ({ customer }) => customer.email },
    { header: customerColumnHeaders.industry, value: ({ customer }) => customer.industry },
    {
      header: customerColumnHeaders.status,
      value: ({ customer }) => labelOf(customerStatusLabels, customer.status, locale),
    },
    {
      header: customerColumnHeaders.relationshipType,
      value: ({ customer }) =>
        customer.relationshipType ? labelOf(relationshipTypeLabels, customer.relationshipType, locale) : null,
    },
    {
      header: customerColumnHeaders.roles,
      width: 20,
      value: ({ customer }) =>
        customer.roles.map((role) => labelOf(customerRoleLabels, role, locale)).join(listSeparator[locale]),
    },
    {
      header: customerColumnHeaders.lanes,
      width: 28,
      value: ({ customer }) =>
        customer.tradeProfile.lanes.map((lane) => formatLaneText(lane as Lane, locale)).join('; '),
    },
    {
      header: customerColumnHeaders.commodities,
      width: 20,
      value: ({ customer }) => customer.tradeProfile.commodities.join(listSeparator[locale]),
    },
    {
      header: customerColumnHeaders.hsChapters,
      value: ({ customer }) => customer.tradeProfile.hsChapters.join(', '),
    },
    {
      header: customerColumnHeaders.specialCargo,
      value: ({ customer }) =>
        customer.tradeProfile.specialCargo.map((kind) => specialCargoLabel(kind, locale)).join(listSeparator[locale]),
    },
    { header: customerColumnHeaders.owner, value: ({ ownerName }) => ownerName },
    {
      header: customerColumnHeaders.tags,
      width: 20,
      value: ({ tagNames }) => tagNames.join(listSeparator[locale]),
    },
    { header: customerColumnHeaders.primaryContact, value: ({ primaryContact }) => primaryContact },
    {
      header: customerColumnHeaders.lastFollowUpAt,
      kind: 'datetime',
      value: ({ customer }) => customer.lastFollowUpAt,
    },
    {
      header: customerColumnHeaders.nextFollowUpAt,
      kind: 'datetime',
      value: ({ customer }) => customer.nextFollowUpAt,
    },
    ...pipelineColumns(currencies),
    { header: customerColumnHeaders.createdAt, kind: 'datetime', value: ({ customer }) => customer.createdAt },
  ];
}

/** The file's name in the reader's language and day. */
export const customerExportFile = (timeZone: string, format: ExportFormat): ExportFile & { format: ExportFormat } => ({
  name: { 'zh-CN': '客户', en: 'customers' },
  timeZone,
  format,
});

/** Every customer the filters select and the actor may see, page by page (never the whole list in memory). */
async function* exportRows(ctx: Ctx, selection: Selection): AsyncGenerator<ExportRow> {
  const ownerRows = await ctx.db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.orgId, ctx.orgId));
  const owners = new Map(ownerRows.map((u) => [u.id, u.name]));
  let cursor: string | undefined;
  do {
    const query = { ...selection.query, limit: batchSize, cursor };
    const page = await findCustomers(ctx, query, undefined, selection.within);
    const ids = page.items.map((c) => c.id);
    const [tagRows, primaries] = ids.length
      ? await Promise.all([
          ctx.db
            .select({ customerId: customerTags.customerId, name: tags.name })
            .from(customerTags)
            .innerJoin(tags, and(eq(tags.orgId, customerTags.orgId), eq(tags.id, customerTags.tagId)))
            .where(and(eq(customerTags.orgId, ctx.orgId), inArray(customerTags.customerId, ids)))
            .orderBy(asc(tags.name)),
          ctx.db
            .select({ customerId: contacts.customerId, name: contacts.name })
            .from(contacts)
            .where(
              and(
                eq(contacts.orgId, ctx.orgId),
                inArray(contacts.customerId, ids),
                eq(contacts.isPrimary, true),
                eq(contacts.status, 'active'),
              ),
            ),
        ])
      : [[], []];
    const primaryOf = new Map(primaries.map((p) => [p.customerId, p.name]));
    for (const customer of page.items) {
      yield {
        customer,
        ownerName: customer.ownerId ? (owners.get(customer.ownerId) ?? null) : null,
        tagNames: tagRows.filter((t) => t.customerId === customer.id).map((t) => t.name),
        primaryContact: primaryOf.get(customer.id) ?? null,
      };
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/**
 * Streams the filtered customer list (or a segment's members) as CSV or .xlsx through the export writer, in the
 * caller's language and time zone. The segment is looked up before the stream starts, so an unknown one fails
 * the request instead of the file. Answers the stream and the reader's zone (which dates the file name).
 */
export async function exportCustomers(
  ctx: Ctx,
  filters: Filters,
  format: ExportFormat,
): Promise<{ stream: Readable; timeZone: string }> {
  requireScope(ctx, 'customers', 'export');
  const { segment, ...own } = filters;
  const listed: Selection = segment ? await withinSegment(ctx, segment, own) : { query: own };
  // The list applies the read scope; a file leaves the system, so the export scope narrows it too.
  const selection = { ...listed, within: and(listed.within, customersInScope(ctx, 'export')) };
  const [timeZone, currencies] = await Promise.all([userTimeZone(ctx, ctx.userId), pipelineCurrencies(ctx)]);
  const stream = streamExport({
    ctx,
    format,
    timeZone,
    sheetName: { 'zh-CN': '客户', en: 'Customers' },
    columns: customerColumns(ctx.locale, currencies),
    rows: () => exportRows(ctx, selection),
    audit: { action: 'export', entity: 'customers', meta: { filters } },
  });
  return { stream, timeZone };
}
