import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';

describe('the conversion check', () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.setup('汇率货代 Rates Forwarding');
    await t.request('POST', '/api/exchange-rates', {
      as: admin,
      body: {
        items: [
          { base: 'USD', quote: 'CNY', rate: '7.1', date: '2026-12-01' },
          { base: 'USD', quote: 'CNY', rate: '7.2', date: '2026-12-10' },
        ],
      },
    });
  });
  afterAll(() => t.close());

  const convert = (query: string) => t.request('GET', `/api/exchange-rates/convert?${query}`, { as: admin });

  it('converts at the rate of the day or the last one before it, and names it', async () => {
    const res = await convert('amount=1000&currency=USD&to=CNY&date=2026-12-09');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      from: { amount: '1000.00', currency: 'USD' },
      to: { amount: '7100.00', currency: 'CNY' },
      date: '2026-12-09',
      rateUsed: { base: 'USD', quote: 'CNY', rate: '7.1', date: '2026-12-01', direction: 'direct' },
    });
    const inverse = (await convert('amount=720&currency=CNY&to=USD&date=2026-12-15')).json();
    expect(inverse).toMatchObject({
      to: { amount: '100.00', currency: 'USD' },
      rateUsed: { rate: '7.2', date: '2026-12-10', direction: 'inverse' },
    });
  });

  it('refuses a day without a rate, naming the pair and the day', async () => {
    const res = await t.request('GET', '/api/exchange-rates/convert?amount=1&currency=CNY&to=USD&date=2026-11-30', {
      as: admin,
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'money.rate_missing' });
    expect(res.json().detail).toContain('CNY/USD');
    expect(res.json().detail).toContain('2026-11-30');
  });
});
