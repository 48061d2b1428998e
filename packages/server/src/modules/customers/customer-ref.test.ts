import { getTableName, getViewName } from 'drizzle-orm';
import { getTableConfig, getViewConfig, type PgColumn } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { contactRef, customerLaneRef, customerOwnership, customerRef } from './customer-ref';
import { contacts, customerLanes, customers } from './tables';

const shape = (column: PgColumn) => ({ name: column.name, type: column.getSQLType(), notNull: column.notNull });

function expectSubsetOf(
  columns: Record<string, PgColumn>,
  table: typeof customers | typeof contacts | typeof customerLanes,
) {
  const real = getTableConfig(table).columns;
  for (const [key, column] of Object.entries(columns)) {
    const same = real.find((c) => c.name === column.name);
    expect(same, `${key} is a column of ${getTableName(table)}`).toBeDefined();
    expect(shape(column)).toEqual(shape(same as PgColumn));
    expect((table as unknown as Record<string, PgColumn>)[key]?.name, `${key} keeps the table's property name`).toBe(
      column.name,
    );
  }
}

describe('the references other modules get to customers and contacts', () => {
  it('name the real relations', () => {
    expect(getViewName(customerRef)).toBe(getTableName(customers));
    expect(getViewName(contactRef)).toBe(getTableName(contacts));
    expect(getViewName(customerLaneRef)).toBe(getTableName(customerLanes));
    expect(getTableName(customerOwnership)).toBe(getTableName(customers));
  });

  it('hold only columns the tables have, with the same type and nullability', () => {
    expectSubsetOf(getViewConfig(customerRef).selectedFields as Record<string, PgColumn>, customers);
    expectSubsetOf(getViewConfig(contactRef).selectedFields as Record<string, PgColumn>, contacts);
    expectSubsetOf(getViewConfig(customerLaneRef).selectedFields as Record<string, PgColumn>, customerLanes);
    expectSubsetOf(
      getTableConfig(customerOwnership).columns.reduce(
        (all, c) => {
          const key = Object.entries(customerOwnership).find(([, v]) => v === c)?.[0] as string;
          all[key] = c;
          return all;
        },
        {} as Record<string, PgColumn>,
      ),
      customers,
    );
  });

  it('leave the customer master data out of what the pool may write', () => {
    const writable = getTableConfig(customerOwnership).columns.map((c) => c.name);
    for (const master of ['name', 'code', 'credit_code', 'phone', 'email', 'billing', 'status']) {
      expect(writable).not.toContain(master);
    }
  });
});
