import {
  anyMoney,
  type ConversionDto,
  type ConversionQuery,
  type ExchangeRateDto,
  type ExchangeRateInput,
  type ExchangeRateListQuery,
  MoneyDecimal,
  MoneyError,
  moneyToJson,
  RateTable,
} from '@berth/domain';
import { and, asc, desc, eq, gte, lte, or, type SQL, sql } from 'drizzle-orm';
import { arrayParam } from '../../db/database';
import { AppError } from '../../platform/app-error';
import { type Ctx, inTransaction, requireScope } from '../../platform/context';
import { decodeCursor } from '../../platform/http/keyset';
import { iso } from '../../platform/versioned-write';
import { exchangeRates } from './tables';

type Source = 'console' | 'import' | 'api';

function toDto(row: typeof exchangeRates.$inferSelect): ExchangeRateDto {
  return {
    base: row.base,
    quote: row.quote,
    rate: new MoneyDecimal(row.rate).toString(),
    date: row.date,
    source: row.source,
    createdAt: iso(row.createdAt) as string,
  };
}

/** Enters rates (one or many, in one transaction); a pair and day entered again replaces its rate. */
export async function saveExchangeRates(
  ctx: Ctx,
  rates: ExchangeRateInput[],
  source: Source,
): Promise<ExchangeRateDto[]> {
  requireScope(ctx, 'exchangeRates', 'update');
  if (rates.length === 0) return [];
  return inTransaction(ctx, async (tx) => {
    const rows = await tx.db
      .insert(exchangeRates)
      .values(rates.map((rate) => ({ orgId: tx.orgId, ...rate, source, createdBy: tx.userId })))
      .onConflictDoUpdate({
        target: [exchangeRates.orgId, exchangeRates.base, exchangeRates.quote, exchangeRates.date],
        set: { rate: sql`excluded.rate`, source: sql`excluded.source`, createdBy: sql`excluded.created_by` },
        setWhere: sql`${exchangeRates.rate} is distinct from excluded.rate`,
      })
      .returning();
    const written = new Map(rows.map((row) => [`${row.base}/${row.quote}/${row.date}`, row]));
    // Rows that were already there with the same rate are answered as they are.
    const unchanged = rates.filter((rate) => !written.has(`${rate.base}/${rate.quote}/${rate.date}`));
    if (unchanged.length > 0) {
      const existing = await tx.db
        .select()
        .from(exchangeRates)
        .where(
          and(
            eq(exchangeRates.orgId, tx.orgId),
            or(
              ...unchanged.map(
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
      for (const row of existing) written.set(`${row.base}/${row.quote}/${row.date}`, row);
    }
    return rates.map((rate) =>
      toDto(written.get(`${rate.base}/${rate.quote}/${rate.date}`) as typeof exchangeRates.$inferSelect),
    );
  });
}

/** Rates newest day first, then by pair; keyset-paged. */
export async function findExchangeRates(
  ctx: Ctx,
  query: ExchangeRateListQuery,
): Promise<{ items: ExchangeRateDto[]; nextCursor: string | null }> {
  requireScope(ctx, 'exchangeRates', 'read');
  let after: SQL | undefined;
  if (query.cursor) {
    const [date, pair] = decodeCursor(query.cursor);
    if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date))
      throw AppError.validation('cursor', 'pagination.cursor_invalid');
    after = sql`(${exchangeRates.date}, ${exchangeRates.base} || '/' || ${exchangeRates.quote}) < (${date}::date, ${pair})`;
  }
  const rows = await ctx.db
    .select()
    .from(exchangeRates)
    .where(
      and(
        eq(exchangeRates.orgId, ctx.orgId),
        query.base ? eq(exchangeRates.base, query.base) : undefined,
        query.quote ? eq(exchangeRates.quote, query.quote) : undefined,
        query.from ? gte(exchangeRates.date, query.from) : undefined,
        query.to ? lte(exchangeRates.date, query.to) : undefined,
        after,
      ),
    )
    .orderBy(desc(exchangeRates.date), desc(sql`${exchangeRates.base} || '/' || ${exchangeRates.quote}`))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > query.limit && last
      ? Buffer.from(JSON.stringify([last.date, `${last.base}/${last.quote}`])).toString('base64url')
      : null;
  return { items: items.map(toDto), nextCursor };
}

export async function deleteExchangeRate(ctx: Ctx, key: { base: string; quote: string; date: string }): Promise<void> {
  requireScope(ctx, 'exchangeRates', 'update');
  await inTransaction(ctx, async (tx) => {
    const rows = await tx.db
      .delete(exchangeRates)
      .where(
        and(
          eq(exchangeRates.orgId, tx.orgId),
          eq(exchangeRates.base, key.base),
          eq(exchangeRates.quote, key.quote),
          eq(exchangeRates.date, key.date),
        ),
      )
      .returning({ base: exchangeRates.base });
    if (rows.length === 0) throw AppError.notFound();
  });
}

/**
 * The organisation's rates between the currencies asked for, up to `until`, for converting a report: one query,
 * then every conversion is a lookup (domain `RateTable`). Reports read rates without the exchangeRates right: the
 * right guards entering them, and a converted total shows the rates it used anyway.
 */
export async function loadRateTable(ctx: Ctx, currencies: string[], until: string): Promise<RateTable> {
  if (currencies.length === 0) return new RateTable([]);
  const rows = await ctx.db
    .select()
    .from(exchangeRates)
    .where(
      and(
        eq(exchangeRates.orgId, ctx.orgId),
        sql`${exchangeRates.base} = any(${arrayParam(currencies)}::text[]) and ${exchangeRates.quote} = any(${arrayParam(currencies)}::text[])`,
        lte(exchangeRates.date, until),
      ),
    )
    .orderBy(asc(exchangeRates.date));
  return new RateTable(rows.map((row) => ({ ...row, rate: new MoneyDecimal(row.rate) })));
}

/** One amount converted as a report would convert it, with the rate it used; a missing rate is 422 naming the pair. */
export async function convertAmount(ctx: Ctx, query: ConversionQuery): Promise<ConversionDto> {
  requireScope(ctx, 'exchangeRates', 'read');
  let from: ReturnType<typeof anyMoney>;
  try {
    from = anyMoney(query.amount, query.currency);
  } catch (error) {
    if (error instanceof MoneyError) throw AppError.validation('amount', error.code);
    throw error;
  }
  const table = await loadRateTable(ctx, [query.currency, query.to], query.date);
  const converted = table.convert(from, query.to, query.date);
  if (!converted.ok) {
    throw new AppError('money.rate_missing', 422, {
      detail:
        ctx.locale === 'en'
          ? `No ${converted.from}/${converted.to} exchange rate on or before ${converted.date}.`
          : `${converted.from}/${converted.to} 在 ${converted.date}（或之前）没有汇率。`,
      fields: [{ field: 'date', code: 'money.rate_missing', message: 'money.rate_missing' }],
    });
  }
  return {
    from: moneyToJson(from),
    to: moneyToJson(converted.money),
    date: query.date,
    rateUsed: converted.rateUsed,
  };
}
