import type { Customer, createCustomerInputSchema } from '@berth/domain';
import type { z } from 'zod';
import type { Session, TestApp } from '../harness';
import { created, nextNumber } from './created';

export type CustomerFields = Partial<z.input<typeof createCustomerInputSchema>>;

/** A customer created by `as`, who owns it unless `ownerId` says otherwise (as the API does). */
export function aCustomer(t: TestApp, as: Session, fields: CustomerFields = {}): Promise<Customer> {
  const body = { name: `Test Customer ${nextNumber()} Ltd.`, ...fields };
  return created<Customer>(t.request('POST', '/api/customers', { as, body }), `customer ${body.name}`);
}
