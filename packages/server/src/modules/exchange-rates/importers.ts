import {
  type ExchangeRateInput,
  errorMessage,
  exchangeRateImportRow,
  exchangeRateInputSchema,
  importCatalog,
  MoneyDecimal,
} from '@berth/domain';
import { and, eq, or, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import { zodIssueMessage } from '../../platform/http/zod-messages';
import { defineImporter, type ImportBatchResult } from '../../platform/module';
import { saveExchangeRates } from './exchange-rates';
import { exchangeRates } from './tables';

const keyOf = (rate: { base: string; quote: string; date: string }) => `${rate.base}/${rate.quote}/${rate.date}`;

/**
 * Exchange rate files, one rate a row (base, quote, rate, date), checked by the schema the API takes and
 * saved as entering them does (source `import`). A pair and day already there is kept with the skip policy
 * and replaced otherwise; the same rate again is skipped. Needs `exchangeRates.update`, the right to enter rates.
 */
export const exchangeRateImporter = defineImporter<ExchangeRateInput>({
  entity: 'exchange-rates',
  resource: 'exchangeRates',
  action: 'update',
  columns: importCatalog['exchange-rates'],
  grownTables: sql`exchange_rates`,
  readRow: (values, _options, ctx: Ctx) => {
    const { input, problems } = exchangeRateImportRow(values);
    if (problems.length > 0) {
      return {
        value: null,
        problems: problems.map((p) => ({ field: p.field, message: errorMessage(p.code, ctx.locale) })),
      };
    }
    const parsed = exchangeRateInputSchema.safeParse(input);
    if (parsed.success) return { value: parsed.data, problems: [] };
    return {
      value: null,
      problems: parsed.error.issues.map((issue) => ({
        field: String(issue.path[0] ?? 'rate'),
        message: zodIssueMessage(issue, ctx.locale),
      })),
    };
  },
  prepare: async (_ctx, policy) => async (tx, rows) => {
    const result: ImportBatchResult = { created: 0, updated: 0, skipped: 0, errors: [] };
    // The last row of a pair and day in the batch wins; the earlier ones are skipped.
    const byKey = new Map<string, ExchangeRateInput>();
    for (const row of rows) {
      const rate = row.value as ExchangeRateInput;
      if (byKey.has(keyOf(rate))) result.skipped++;
      byKey.set(keyOf(rate), rate);
    }
    const rates = [...byKey.values()];
    const existing = await tx.db
      .select({
        base: exchangeRates.base,
        quote: exchangeRates.quote,
        date: exchangeRates.date,
        rate: exchangeRates.rate,
      })
      .from(exchangeRates)
      .where(
        and(
          eq(exchangeRates.orgId, tx.orgId),
          or(
            ...rates.map(
              (rate) =>
                and(
                  eq(exchangeRates.base, rate.base),
                  eq(exchangeRates.quote, rate.quote),
                  eq(exchangeRates.date, rate.date),
                ) as SQL,
            ),
          ),
        ),
      );
    const stored = new Map(existing.map((row) => [keyOf(row), row.rate]));
    const toSave = rates.filter((rate) => {
      const old = stored.get(keyOf(rate));
      if (old === undefined) {
        result.created++;
        return true;
      }
      if (policy === 'skip' || new MoneyDecimal(old).eq(rate.rate)) {
        result.skipped++;
        return false;
      }
      result.updated++;
      return true;
    });
    await saveExchangeRates(tx, toSave, 'import');
    return result;
  },
});
