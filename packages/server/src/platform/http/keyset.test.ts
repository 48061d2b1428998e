import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../app-error';
import { decodeCursor, encodeCursor, toPage } from './keyset';

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
