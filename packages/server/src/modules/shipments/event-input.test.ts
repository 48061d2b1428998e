import { shipmentEventInputSchema, shipmentEventTypes } from '@berth/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEvent } from './event-input';

const text = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.constantFrom('', ' ', ' E1 ', 'bench', 'Bench', 'a'.repeat(100), ` ${'a'.repeat(100)} `, 'a'.repeat(101)),
);
const instant = fc.oneof(
  fc.constantFrom(
    '2026-01-05T08:00:00Z',
    '2026-01-05T08:00:00.123+08:00',
    '2026-02-29T08:00:00Z',
    '2028-02-29T08:00:00Z',
    '2026-01-05T24:00:00Z',
    '2026-01-05T08:00Z',
    '2026-01-05 08:00:00Z',
    '2026-01-05T08:00:00',
  ),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.string({ maxLength: 30 }),
);
const event = fc.record(
  {
    eventId: fc.oneof(text, fc.integer()),
    source: fc.oneof(text, fc.constantFrom('tms', 'carrier.api', '-x', 'a'.repeat(41))),
    externalId: text,
    type: fc.oneof(fc.constantFrom(...shipmentEventTypes), text),
    occurredAt: fc.oneof(instant, fc.integer()),
    location: fc.oneof(text, fc.constant(null), fc.integer()),
    data: fc.oneof(
      fc.constant(null),
      fc.constant([]),
      fc.record({ eta: fc.oneof(instant, fc.integer(), fc.constant(null)) }, { requiredKeys: [] }),
      fc.dictionary(fc.string({ maxLength: 3 }), fc.jsonValue({ maxDepth: 1 })),
    ),
    extra: fc.jsonValue({ maxDepth: 1 }),
  },
  { requiredKeys: [] },
);

describe('the compiled tracking event parser', () => {
  it('answers as the schema does: the same data, or the same issues by field path', () => {
    fc.assert(
      fc.property(fc.oneof(event, fc.jsonValue({ maxDepth: 2 })), (item) => {
        const compiled = parseEvent.safeParse(item);
        const interpreted = shipmentEventInputSchema.safeParse(item);
        expect(compiled.success).toBe(interpreted.success);
        if (compiled.success) expect(compiled.data).toEqual(interpreted.data);
        else expect(compiled.error?.issues).toEqual(interpreted.error?.issues);
      }),
      { numRuns: 2000 },
    );
  });
});
