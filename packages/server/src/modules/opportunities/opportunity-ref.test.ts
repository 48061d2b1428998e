import { getTableName, getViewName } from 'drizzle-orm';
import { getTableConfig, getViewConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { opportunityRef, opportunityStageRef } from './opportunity-ref';
import { opportunities, opportunityStages } from './tables';

const shape = (column: PgColumn) => ({ name: column.name, type: column.getSQLType(), notNull: column.notNull });

function expectSubsetOf(view: Parameters<typeof getViewConfig>[0], table: PgTable) {
  expect(getViewName(view)).toBe(getTableName(table));
  const real = getTableConfig(table).columns;
  for (const [key, column] of Object.entries(getViewConfig(view).selectedFields as Record<string, PgColumn>)) {
    const same = real.find((c) => c.name === column.name);
    expect(same, `${key} is a column of ${getTableName(table)}`).toBeDefined();
    expect(shape(column)).toEqual(shape(same as PgColumn));
    expect((table as unknown as Record<string, PgColumn>)[key]?.name).toBe(column.name);
  }
}

describe('the references other modules get to opportunities', () => {
  it('name the real relations and hold only their columns, typed alike', () => {
    expectSubsetOf(opportunityRef, opportunities);
    expectSubsetOf(opportunityStageRef, opportunityStages);
  });
});
