import { type SQL, sql } from 'drizzle-orm';
import { numeric, PgDialect, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../app-error';
import { afterCursor, decodeCursor, encodeCursor, orderByKeyset, toPage } from './keyset';

/** Sort values a cursor can carry: strings (any Unicode, even lone surrogates) and finite numbers. */
const sortValue = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
  fc.constant(null),
);
const id = fc.oneof(fc.uuid(), fc.string({ unit: 'binary', maxLength: 60 }));

function expectInvalidCursor(run: () => unknown) {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(AppError);
  const error = thrown as AppError;
  expect(error.status).toBe(422);
  expect(error.code).toBe('validation.failed');
  expect(error.fields).toEqual([{ field: 'cursor', code: 'pagination.cursor_invalid', message: 'invalid cursor' }]);
}

describe('keyset cursors', () => {
  it('decode to the sort value and id they were made from', () => {
    fc.assert(
      fc.property(sortValue, id, (value, rowId) => {
        expect(decodeCursor(encodeCursor(value, rowId))).toEqual([value, rowId]);
      }),
    );
  });

  it('are URL-safe', () => {
    fc.assert(
      fc.property(sortValue, id, (value, rowId) => {
        expect(encodeCursor(value, rowId)).toMatch(/^[A-Za-z0-9_-]*$/);
      }),
    );
  });

  it('carry dates as ISO strings', () => {
    fc.assert(
      fc.property(fc.date({ noInvalidDate: true }), fc.uuid(), (date, rowId) => {
        expect(decodeCursor(encodeCursor(date, rowId))).toEqual([date.toISOString(), rowId]);
      }),
    );
  });

  it('reject any other text with a 422 field error, never another kind of error', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (garbage) => {
        let decoded: [unknown, string] | undefined;
        try {
          decoded = decodeCursor(garbage);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).status).toBe(422);
          return;
        }
        // Random text almost never is a cursor; when it is, it is a well-formed one.
        expect(typeof decoded[1]).toBe('string');
      }),
    );
  });

  it('reject well-encoded JSON that is not a [value, id] pair', () => {
    const notACursor = fc.jsonValue().filter((v) => !(Array.isArray(v) && v.length === 2 && typeof v[1] === 'string'));
    fc.assert(
      fc.property(notACursor, (value) => {
        expectInvalidCursor(() => decodeCursor(Buffer.from(JSON.stringify(value) ?? '', 'utf8').toString('base64url')));
      }),
    );
  });

  it('reject text that is not base64 JSON', () => {
    for (const garbage of ['', '!!!', 'not a cursor', 'eyJ', Buffer.from('[1,2]').toString('base64url')]) {
      expectInvalidCursor(() => decodeCursor(garbage));
    }
  });
});

describe('toPage', () => {
  it('returns at most `limit` items and a cursor only when more rows exist', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 20 }), (count, limit) => {
        const rows = Array.from({ length: Math.min(count, limit + 1) }, (_, i) => ({ n: i, id: `id-${i}` }));
        const page = toPage(
          rows,
          limit,
          (r) => [r.n, r.id],
          (r) => r.id,
        );
        expect(page.items).toEqual(rows.slice(0, limit).map((r) => r.id));
        if (rows.length > limit) {
          expect(page.nextCursor).not.toBeNull();
          expect(decodeCursor(page.nextCursor as string)).toEqual([limit - 1, `id-${limit - 1}`]);
        } else {
          expect(page.nextCursor).toBeNull();
        }
      }),
    );
  });
});

describe('afterCursor with a computed sort key', () => {
  const due = timestamp('due_at', { withTimezone: true });
  const table = pgTable('keyset_probe', { id: uuid('id').primaryKey(), dueAt: due });
  const byDue = {
    expression: sql`coalesce(${table.dueAt}, 'infinity'::timestamptz)`,
    column: table.dueAt,
    extraValues: ['infinity'],
  };
  const options = (cursor: string) => ({ sort: byDue, id: table.id, direction: 'asc' as const, cursor });
  const rowId = '0190a8f2-1c3e-7d4a-9b2f-3e4d5c6b7a80';
  const dialect = new PgDialect();

  it('continues after a dated row and after one that sorts last, comparing the expression', () => {
    const dated = dialect.sqlToQuery(
      afterCursor(options(encodeCursor(new Date('2025-03-01T08:00:00Z'), rowId))) as SQL,
    );
    expect(dated.sql).toBe(
      `(coalesce("keyset_probe"."due_at", 'infinity'::timestamptz), "keyset_probe"."id") > ($1, $2)`,
    );
    expect(dated.params).toEqual(['2025-03-01T08:00:00.000Z', rowId]);
    const last = dialect.sqlToQuery(afterCursor(options(encodeCursor('infinity', rowId))) as SQL);
    expect(last.params).toEqual(['infinity', rowId]);
  });

  it('refuses a value that neither fits the column nor is one the expression adds', () => {
    for (const value of ['forever', 'Infinity ', 42, null, '2025-13-45T99:00:00Z', '0000-01-01T00:00:00.000Z']) {
      expectInvalidCursor(() => afterCursor(options(encodeCursor(value, rowId))));
    }
    expectInvalidCursor(() => afterCursor(options(encodeCursor('infinity', 'not-a-uuid'))));
  });

  it('orders by the expression, then the id', () => {
    const order = dialect.sqlToQuery(sql.join(orderByKeyset(options('')), sql`, `));
    expect(order.sql).toBe(`coalesce("keyset_probe"."due_at", 'infinity'::timestamptz) asc, "keyset_probe"."id" asc`);
  });
});

describe('afterCursor on a numeric sort key', () => {
  const table = pgTable('keyset_numeric_probe', { id: uuid('id').primaryKey(), teu: numeric('teu') });
  const options = (cursor: string) => ({ sort: table.teu, id: table.id, direction: 'desc' as const, cursor });
  const rowId = '0190a8f2-1c3e-7d4a-9b2f-3e4d5c6b7a80';

  it('takes a decimal string and refuses any other text, such as an id from another list', () => {
    expect(afterCursor(options(encodeCursor('12.5', rowId)))).toBeDefined();
    expect(afterCursor(options(encodeCursor('-3', rowId)))).toBeDefined();
    for (const value of [rowId, '1e5', '12,5', '', ' 7', 'NaN', 12.5]) {
      expectInvalidCursor(() => afterCursor(options(encodeCursor(value, rowId))));
    }
  });
});
