import {
  businessTimeZone,
  errorMessage,
  importCatalog,
  type Locale,
  shipmentImportFieldOfPath,
  shipmentImportRow,
  sourceSchema,
} from '@berth/domain';
import { sql } from 'drizzle-orm';
import { AppError } from '../../platform/app-error';
import type { Ctx } from '../../platform/context';
import { defineImporter, type ImportBatchResult } from '../../platform/module';
import { userTimeZone } from '../org-settings';
import { assertFeedAccess, upsertShipments } from './upsert-shipments';

type Item = Record<string, unknown>;

/** A container's problem says which container of the cell it is: "Container 2: …". */
function rowMessage(locale: Locale, path: string, message: string): string {
  const container = /^containers\.(\d+)\./.exec(path);
  if (!container) return message;
  const n = Number(container[1]) + 1;
  return locale === 'en' ? `Container ${n}: ${message}` : `第 ${n} 个集装箱：${message}`;
}

/**
 * Shipment files, one row a shipment: each row becomes the batch item POST /api/shipments/batch takes and is
 * written by the same upsert, so party matching, the unmatched-party queue and idempotency by
 * (source, externalId) are the feed's. The source is the wizard's (`import` unless chosen) or the row's own.
 * A row the feed would answer `unchanged` is counted as skipped; the policy does not change the upsert.
 */
export const shipmentImporter = defineImporter<Item>({
  entity: 'shipments',
  resource: 'shipments',
  columns: importCatalog.shipments,
  // Like the feed, a file writes across the organisation: organisation-wide create and update.
  authorize: (ctx) => assertFeedAccess(ctx),
  options: {
    source: (value) => {
      const parsed = sourceSchema.safeParse(value?.toLowerCase() ?? 'import');
      if (!parsed.success) throw AppError.validation('source', 'shipment.source_invalid');
      return parsed.data;
    },
  },
  // A day without a time is midnight on the importing user's calendar: their own zone, else the organisation's.
  startOptions: async (ctx) => ({
    timeZone: await userTimeZone(ctx, ctx.actor.type === 'user' ? ctx.actor.id : null),
  }),
  grownTables: sql`shipments, shipment_containers, shipment_parties`,
  readRow: (values, options, ctx: Ctx) => {
    const { item, problems } = shipmentImportRow(values, {
      source: options.source ?? 'import',
      // Imports started before the zone was stored read as they did then.
      timeZone: options.timeZone ?? businessTimeZone,
    });
    return {
      value: problems.length === 0 ? item : null,
      problems: problems.map((p) => ({ field: p.field, message: errorMessage(p.code, ctx.locale) })),
    };
  },
  prepare: async (ctx) => {
    assertFeedAccess(ctx);
    return async (tx, rows): Promise<ImportBatchResult> => {
      const items = rows.map((row) => row.value as Item);
      const answer = await upsertShipments(tx, items, { checked: true });
      const result: ImportBatchResult = { created: 0, updated: 0, skipped: 0, errors: [] };
      answer.items.forEach((outcome, i) => {
        const row = rows[i] as (typeof rows)[number];
        if (outcome.status === 'created') result.created++;
        else if (outcome.status === 'updated') result.updated++;
        else if (outcome.status === 'unchanged') result.skipped++;
        else {
          for (const error of outcome.errors ?? []) {
            result.errors.push({
              row: row.row,
              field: shipmentImportFieldOfPath(error.field, items[i] as Item),
              message: rowMessage(tx.locale, error.field, error.message),
            });
          }
        }
      });
      return result;
    };
  },
});
