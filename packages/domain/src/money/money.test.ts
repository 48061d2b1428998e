import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RateTable } from './exchange-rates';
import {
  type AnyMoney,
  addMoney,
  anyMoney,
  expectCurrency,
  MoneyDecimal,
  type MoneyError,
  MoneyTotals,
  money,
  moneyFromJson,
  moneyToJson,
  multiplyMoney,
  subtractMoney,
} from './money';

const currencies = ['USD', 'CNY', 'EUR', 'JPY', 'KWD', 'HKD'] as const;
const digits: Record<(typeof currencies)[number], number> = { USD: 2, CNY: 2, EUR: 2, JPY: 0, KWD: 3, HKD: 2 };

/** A random amount in a random currency, with at most that currency's decimals. */
const anAmount = fc
  .tuple(fc.constantFrom(...currencies), fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }))
  .map(([currency, minor]) => anyMoney(new MoneyDecimal(minor.toString()).dividedBy(10 ** digits[currency]), currency));

describe('money', () => {
  it('reads and writes the JSON form with the currency’s minor units', () => {
    expect(moneyToJson(money('1234.5', 'USD'))).toEqual({ amount: '1234.50', currency: 'USD' });
    expect(moneyToJson(money('1500', 'JPY'))).toEqual({ amount: '1500', currency: 'JPY' });
    expect(moneyToJson(money('1.2', 'KWD'))).toEqual({ amount: '1.200', currency: 'KWD' });
    expect(moneyToJson(moneyFromJson({ amount: '-0.10', currency: 'CNY' }))).toEqual({
      amount: '-0.10',
      currency: 'CNY',
    });
  });

  it('never goes through a float: 0.1 + 0.2 is 0.3', () => {
    expect(moneyToJson(addMoney(money('0.1', 'USD'), money('0.2', 'USD'))).amount).toBe('0.30');
    expect(moneyToJson(money(0.1, 'USD')).amount).toBe('0.10');
  });

  it('refuses unknown currencies, non-decimal text and more decimals than the currency has', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as MoneyError).code;
      }
      return 'no error';
    };
    expect(code(() => money('1', 'usd'))).toBe('money.currency_invalid');
    expect(code(() => money('1', 'XYZ'))).toBe('money.currency_invalid');
    expect(code(() => money('1e3', 'USD'))).toBe('money.amount_invalid');
    expect(code(() => money('1,000.00', 'USD'))).toBe('money.amount_invalid');
    expect(code(() => money(Number.NaN, 'USD'))).toBe('money.amount_invalid');
    expect(code(() => money('1.005', 'USD'))).toBe('money.amount_precision');
    expect(code(() => money('1.5', 'JPY'))).toBe('money.amount_precision');
    expect(code(() => expectCurrency(anyMoney('1', 'CNY'), 'USD'))).toBe('money.currency_mismatch');
  });

  it('adds only amounts the compiler knows are in the same currency', () => {
    const usd = money('10.00', 'USD');
    const cny = money('71.00', 'CNY');
    const fromDatabase: AnyMoney = anyMoney('5', 'USD');
    // @ts-expect-error USD + CNY does not compile
    addMoney(usd, cny);
    // @ts-expect-error two run-time currencies cannot be added either: they may differ
    addMoney(fromDatabase, fromDatabase);
    // @ts-expect-error nor subtracted
    subtractMoney(fromDatabase, usd);
    expect(moneyToJson(addMoney(usd, expectCurrency(fromDatabase, 'USD')))).toEqual({
      amount: '15.00',
      currency: 'USD',
    });
  });

  it('multiplies and rounds half up to minor units', () => {
    expect(moneyToJson(multiplyMoney(money('10.00', 'USD'), '0.125'))).toEqual({ amount: '1.25', currency: 'USD' });
    expect(moneyToJson(multiplyMoney(money('0.05', 'USD'), '0.5'))).toEqual({ amount: '0.03', currency: 'USD' });
    expect(moneyToJson(multiplyMoney(money('333', 'JPY'), '0.5'))).toEqual({ amount: '167', currency: 'JPY' });
  });

  it('totals keep every currency apart, whatever the order amounts arrive in', () => {
    fc.assert(
      fc.property(fc.array(anAmount, { maxLength: 30 }), fc.infiniteStream(fc.nat()), (amounts, seeds) => {
        const shuffled = [...amounts].sort(() => (seeds.next().value % 3) - 1);
        const forward = new MoneyTotals();
        const backward = new MoneyTotals();
        for (const value of amounts) forward.add(value);
        for (const value of shuffled) backward.add(value);
        expect(forward.toJson()).toEqual(backward.toJson());
        for (const currency of forward.currencies) {
          const expected = amounts
            .filter((value) => value.currency === currency)
            .reduce((sum, value) => sum.plus(value.amount), new MoneyDecimal(0));
          expect(forward.in(currency).amount.equals(expected)).toBe(true);
        }
      }),
    );
  });

  it('JSON round trips exactly', () => {
    fc.assert(
      fc.property(anAmount, (value) => {
        const back = moneyFromJson(moneyToJson(value));
        expect(back.currency).toBe(value.currency);
        expect(back.amount.equals(value.amount)).toBe(true);
      }),
    );
  });
});

describe('exchange rates', () => {
  const rates = new RateTable([
    { base: 'USD', quote: 'CNY', rate: new MoneyDecimal('7.1'), date: '2026-12-01' },
    { base: 'USD', quote: 'CNY', rate: new MoneyDecimal('7.2'), date: '2026-12-10' },
    { base: 'EUR', quote: 'USD', rate: new MoneyDecimal('1.08'), date: '2026-11-15' },
  ]);

  it('uses the rate of the day or the last one before it, and says which', () => {
    const on5th = rates.convert(money('100.00', 'USD'), 'CNY', '2026-12-05');
    expect(on5th).toMatchObject({ ok: true, rateUsed: { rate: '7.1', date: '2026-12-01', direction: 'direct' } });
    expect(on5th.ok && moneyToJson(on5th.money)).toEqual({ amount: '710.00', currency: 'CNY' });
    const on10th = rates.convert(money('100.00', 'USD'), 'CNY', '2026-12-10');
    expect(on10th.ok && moneyToJson(on10th.money).amount).toBe('720.00');
  });

  it('inverts the opposite pair when only that is known', () => {
    const converted = rates.convert(money('720.00', 'CNY'), 'USD', '2026-12-31');
    expect(converted).toMatchObject({
      ok: true,
      rateUsed: { base: 'USD', quote: 'CNY', rate: '7.2', direction: 'inverse' },
    });
    expect(converted.ok && moneyToJson(converted.money).amount).toBe('100.00');
  });

  it('names the pair and the day when no rate is in force, never 1:1', () => {
    expect(rates.convert(money('1.00', 'USD'), 'CNY', '2026-11-30')).toEqual({
      ok: false,
      code: 'money.rate_missing',
      from: 'USD',
      to: 'CNY',
      date: '2026-11-30',
    });
    expect(rates.convert(money('1.00', 'EUR'), 'CNY', '2026-12-31')).toMatchObject({
      ok: false,
      from: 'EUR',
      to: 'CNY',
    });
  });

  it('converts the same currency without a rate', () => {
    expect(rates.convert(money('3.00', 'CNY'), 'CNY', '2000-01-01')).toMatchObject({ ok: true, rateUsed: null });
  });

  it('a round trip through a rate comes back within rounding', () => {
    const pair = fc.constantFrom(['USD', 'CNY'], ['USD', 'JPY'], ['KWD', 'USD'], ['EUR', 'KWD']) as fc.Arbitrary<
      [keyof typeof digits, keyof typeof digits]
    >;
    fc.assert(
      fc.property(
        pair,
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        ([from, to], rateMillionths, minor) => {
          const rate = new MoneyDecimal(rateMillionths).dividedBy(1_000_000);
          const table = new RateTable([{ base: from, quote: to, rate, date: '2026-01-01' }]);
          const original = anyMoney(new MoneyDecimal(minor.toString()).dividedBy(10 ** digits[from]), from);
          const there = table.convert(original, to, '2026-06-30');
          if (!there.ok) throw new Error('rate expected');
          const back = table.convert(there.money, from, '2026-06-30');
          if (!back.ok) throw new Error('inverse expected');
          // Rounding in `to` can move the result by half a minor unit of `to`, which is worth 1/rate in `from`,
          // and rounding back adds half a minor unit of `from`.
          const tolerance = new MoneyDecimal(0.5)
            .dividedBy(10 ** digits[to])
            .dividedBy(rate)
            .plus(new MoneyDecimal(0.5).dividedBy(10 ** digits[from]));
          expect(back.money.amount.minus(original.amount).abs().lte(tolerance)).toBe(true);
        },
      ),
    );
  });

  it('totals per currency convert into the reporting currency', () => {
    const totals = new MoneyTotals().add(money('100.00', 'USD')).add(money('29.00', 'CNY')).add(money('1.00', 'USD'));
    const total = rates.total(totals, 'CNY', '2026-12-05');
    expect(total.ok && moneyToJson(total.money)).toEqual({ amount: '746.10', currency: 'CNY' });
    expect(rates.total(totals, 'EUR', '2026-12-05')).toMatchObject({ ok: false, from: 'CNY', to: 'EUR' });
  });
});
