import { type AnyMoney, anyMoney, type Money, MoneyDecimal, type MoneyTotals, roundToMinor } from './money';

/**
 * Dated exchange rates: `{ base: 'USD', quote: 'CNY', rate: '7.1', date: '2026-12-01' }` means 1 USD = 7.1 CNY
 * from that day until the next rate of the pair. Converting an amount on a day uses the pair's rate of that day or
 * the last one before it; where only the opposite pair is known, its inverse. A missing rate is an answer naming
 * the pair and the day, never a silent 1:1.
 */
export interface ExchangeRate {
  base: string;
  quote: string;
  rate: MoneyDecimal;
  /** ISO date, YYYY-MM-DD. */
  date: string;
}

export interface RateUsed {
  base: string;
  quote: string;
  rate: string;
  date: string;
  /** 'inverse' when the rate was stored for the opposite pair and divided into 1. */
  direction: 'direct' | 'inverse';
}

export type Conversion =
  | { ok: true; money: AnyMoney; rateUsed: RateUsed | null }
  | { ok: false; code: 'money.rate_missing'; from: string; to: string; date: string };

/** The rates of one organisation, looked up by pair and day. Build it once per report, not per amount. */
export class RateTable {
  // pair "USD/CNY" → rates sorted by date ascending
  private readonly byPair = new Map<string, ExchangeRate[]>();

  constructor(rates: Iterable<ExchangeRate>) {
    for (const rate of rates) {
      const key = `${rate.base}/${rate.quote}`;
      const list = this.byPair.get(key) ?? [];
      list.push(rate);
      this.byPair.set(key, list);
    }
    for (const list of this.byPair.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }

  /** The rate of the pair in force on `date` (the last one on or before it). */
  private onOrBefore(base: string, quote: string, date: string): ExchangeRate | undefined {
    const list = this.byPair.get(`${base}/${quote}`);
    if (!list) return undefined;
    let low = 0;
    let high = list.length - 1;
    let found: ExchangeRate | undefined;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const candidate = list[middle] as ExchangeRate;
      if (candidate.date <= date) {
        found = candidate;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }

  /** Converts `value` into `to` at the rate in force on `date`; the result is rounded to `to`'s minor units. */
  convert(value: Money<string>, to: string, date: string): Conversion {
    if (value.currency === to) return { ok: true, money: anyMoney(value.amount, to), rateUsed: null };
    const direct = this.onOrBefore(value.currency, to, date);
    const inverse = this.onOrBefore(to, value.currency, date);
    // The more recent of the two; the direct one when both are of the same day.
    const useInverse = inverse !== undefined && (direct === undefined || inverse.date > direct.date);
    if (!direct && !inverse) return { ok: false, code: 'money.rate_missing', from: value.currency, to, date };
    const rate = useInverse ? (inverse as ExchangeRate) : (direct as ExchangeRate);
    const factor = useInverse ? new MoneyDecimal(1).dividedBy(rate.rate) : rate.rate;
    return {
      ok: true,
      money: anyMoney(roundToMinor(value.amount.times(factor), to), to),
      rateUsed: {
        base: rate.base,
        quote: rate.quote,
        rate: rate.rate.toString(),
        date: rate.date,
        direction: useInverse ? 'inverse' : 'direct',
      },
    };
  }

  /**
   * Converts per-currency totals into one currency. Each currency's total converts at the rate of `date` (a report
   * period's end, say); amounts already in `to` are taken as they are.
   */
  total(totals: MoneyTotals, to: string, date: string): Conversion & { rates?: RateUsed[] } {
    let sum = new MoneyDecimal(0);
    const rates: RateUsed[] = [];
    for (const currency of totals.currencies) {
      const converted = this.convert(totals.in(currency), to, date);
      if (!converted.ok) return converted;
      sum = sum.plus(converted.money.amount);
      if (converted.rateUsed) rates.push(converted.rateUsed);
    }
    return { ok: true, money: anyMoney(sum, to), rateUsed: null, rates };
  }
}
