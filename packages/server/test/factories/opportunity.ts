import type { createOpportunityInputSchema, Opportunity } from '@berth/domain';
import type { z } from 'zod';
import type { Session, TestApp } from '../harness';
import { created, nextNumber } from './created';

export type OpportunityFields = Partial<z.input<typeof createOpportunityInputSchema>> & { customerId: string };

/** An opportunity in the first open stage unless `stage` says otherwise. */
export function anOpportunity(t: TestApp, as: Session, fields: OpportunityFields): Promise<Opportunity> {
  const body = { title: `Opportunity ${nextNumber()}`, source: 'referral' as const, ...fields };
  return created<Opportunity>(t.request('POST', '/api/opportunities', { as, body }), `opportunity ${body.title}`);
}
