import { getTableName, getViewName } from 'drizzle-orm';
import { getTableConfig, getViewConfig, type PgColumn } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { exchangeRateRef } from './exchange-rate-ref';
import { exchangeRates } from './tables';

const shape = (column: PgColumn) => ({ name: column.name, type: column.getSQLType(), notNull: column.notNull });

describe('the reference other modules get to exchange rates', () => {
  it('names the real relation and holds only its columns, typed alike', () => {
    expect(getViewName(exchangeRateRef)).toBe(getTableName(exchangeRates));
    const real = getTableConfig(exchangeRates).columns;
    for (const [key, column] of Object.entries(
      getViewConfig(exchangeRateRef).selectedFields as Record<string, PgColumn>,
    )) {
      const same = real.find((c) => c.name === column.name);
      expect(same, `${key} is a column of exchange_rates`).toBeDefined();
      expect(shape(column)).toEqual(shape(same as PgColumn));
      expect((exchangeRates as unknown as Record<string, PgColumn>)[key]?.name).toBe(column.name);
    }
  });
});
