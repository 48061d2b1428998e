import { zonedMonth } from '@berth/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganisation, type Factories } from '../../../test/factories';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';
import { storage } from '../../../test/storage';

const { opportunities } = storage;

describe('the customer record sums what was won this year', () => {
  let t: TestApp;
  let admin: Session;
  let make: Factories;
  let customerId: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin, make } = await anOrganisation(t, { name: '赢单货代' }));
    customerId = (await make.customer({ name: '青岛远航国际物流有限公司' })).id;
    const deal = (stage: string | undefined, amount: string, currency: string) =>
      make.opportunity({ customerId, ...(stage ? { stage } : {}), expectedRevenue: { amount, currency } });
    await deal('won', '3000.00', 'USD');
    await deal('won', '5000.00', 'CNY');
    await deal('won', '2500.00', 'CNY');
    await deal(undefined, '9000.00', 'CNY');
    const lastYear = await deal('won', '7000.00', 'CNY');
    await t.db
      .update(opportunities)
      .set({ closedAt: new Date(Date.now() - 400 * 86_400_000) })
      .where(eq(opportunities.id, lastYear.id));
  });
  afterAll(() => t?.close());

  it('per currency, this calendar year in the reader’s zone, only won deals', async () => {
    const record = (await t.request('GET', `/api/customers/${customerId}`, { as: admin })).json();
    expect(record.wonThisYear.year).toBe(Number(zonedMonth('Asia/Shanghai', new Date()).slice(0, 4)));
    expect(
      record.wonThisYear.amounts.map((m: { amount: string; currency: string }) => [m.currency, Number(m.amount)]),
    ).toEqual([
      ['CNY', 7500],
      ['USD', 3000],
    ]);
  });

  it('says nothing of it to a reader without the revenue right', async () => {
    const service = await make.user('customer_service', { name: '陈静' });
    const record = await t.request('GET', `/api/customers/${customerId}`, { as: service });
    expect(record.statusCode, record.body).toBe(200);
    expect(record.json().wonThisYear).toBeNull();
  });
});
