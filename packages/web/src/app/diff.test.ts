import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedFields } from './diff';

describe('changedFields', () => {
  it('keeps only the fields whose values differ', () => {
    const current = { name: 'Acme', city: 'Shanghai', tags: ['a'], credit: { limit: 10 } };
    expect(changedFields(current, { name: 'Acme', city: 'Ningbo', tags: ['a'], credit: { limit: 10 } })).toEqual({
      city: 'Ningbo',
    });
  });

  it('compares arrays and objects by value, so a reordered list or a changed nested value is a change', () => {
    const current = { tags: ['a', 'b'], credit: { limit: 10 } };
    expect(changedFields(current, { tags: ['b', 'a'] })).toEqual({ tags: ['b', 'a'] });
    expect(changedFields(current, { credit: { limit: 20 } })).toEqual({ credit: { limit: 20 } });
  });

  it('sends a cleared field (null) but leaves out fields the form did not touch (undefined)', () => {
    const current: { phone: string | null; email: string } = { phone: '123', email: 'a@b.c' };
    expect(changedFields(current, { phone: null, email: undefined })).toEqual({ phone: null });
  });

  it('finds nothing to send when the form holds the record as it is', () => {
    const record = fc.dictionary(fc.string(), fc.jsonValue());
    fc.assert(fc.property(record, (value) => Object.keys(changedFields(value, structuredClone(value))).length === 0));
  });

  it('sends exactly the defined values that differ from the record', () => {
    const record = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.jsonValue());
    fc.assert(
      fc.property(record, record, (current, next) => {
        const changes = changedFields(current, next);
        for (const [key, value] of Object.entries(next)) {
          const differs = value !== undefined && JSON.stringify(value) !== JSON.stringify(current[key]);
          expect(Object.hasOwn(changes, key)).toBe(differs);
          if (differs) expect(changes[key]).toBe(value);
        }
      }),
    );
  });
});
