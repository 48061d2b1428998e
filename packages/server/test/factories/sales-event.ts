import type { createSalesEventInputSchema, SalesEvent } from '@berth/domain';
import type { z } from 'zod';
import type { Session, TestApp } from '../harness';
import { created, nextNumber } from './created';

export type SalesEventFields = Partial<z.input<typeof createSalesEventInputSchema>>;

const day = 86_400_000;

/** A trade show a day long, a month from now, unless the fields say otherwise. */
export function aSalesEvent(t: TestApp, as: Session, fields: SalesEventFields = {}): Promise<SalesEvent> {
  const startsAt = Date.now() + 30 * day;
  const body = {
    kind: 'trade_show' as const,
    name: `Trade show ${nextNumber()}`,
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(startsAt + 8 * 3_600_000).toISOString(),
    ...fields,
  };
  return created<SalesEvent>(t.request('POST', '/api/sales-events', { as, body }), `sales event ${body.name}`);
}
