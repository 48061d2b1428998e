import { getTableName, getViewName } from 'drizzle-orm';
import { getTableConfig, getViewConfig, type PgColumn } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { tasks } from './tables';
import { taskRef } from './task-ref';

const shape = (column: PgColumn) => ({ name: column.name, type: column.getSQLType(), notNull: column.notNull });

describe('the reference other modules get to tasks', () => {
  it('names the real relation and holds only its columns, typed alike', () => {
    expect(getViewName(taskRef)).toBe(getTableName(tasks));
    const real = getTableConfig(tasks).columns;
    for (const [key, column] of Object.entries(getViewConfig(taskRef).selectedFields as Record<string, PgColumn>)) {
      const same = real.find((c) => c.name === column.name);
      expect(same, `${key} is a column of tasks`).toBeDefined();
      expect(shape(column)).toEqual(shape(same as PgColumn));
    }
  });
});
