import type { Activity, createActivityInputSchema } from '@berth/domain';
import type { z } from 'zod';
import type { Session, TestApp } from '../harness';
import { created } from './created';

export type ActivityFields = Partial<z.input<typeof createActivityInputSchema>> & { customerId: string };

/** A call logged now, unless the fields say otherwise. */
export function anActivity(t: TestApp, as: Session, fields: ActivityFields): Promise<Activity> {
  const body = { kind: 'call' as const, subject: '电话沟通报价', occurredAt: new Date().toISOString(), ...fields };
  return created<Activity>(t.request('POST', '/api/activities', { as, body }), `activity ${body.subject}`);
}
