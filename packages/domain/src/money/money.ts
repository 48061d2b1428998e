import Decimal from 'decimal.js';
import { findCurrency, isCurrencyCode } from '../reference/currencies';

/**
 * Amounts of money: a decimal (never a JS float) and an ISO 4217 currency, with that currency's minor units.
 *
 * The currency is part of the type. Two amounts can be added only when the compiler knows they are in the same
 * currency (`Money<'USD'>` and `Money<'USD'>`). An amount whose currency is known only at run time — read from the
 * database or a request — is an `AnyMoney`, and two of them cannot be added at all: they go into a `MoneyTotals`
 * (which keeps currencies apart) or through a dated exchange rate (`exchange-rates.ts`). So "USD + CNY" is a
 * compile error, not a convention.
 */

/** Arithmetic wide enough for any amount and rate, and strings without exponent notation. */
export const MoneyDecimal = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type MoneyDecimal = InstanceType<typeof MoneyDecimal>;

declare const runtimeCurrency: unique symbol;
/** A currency known only at run time. */
export type SomeCurrency = string & { readonly [runtimeCurrency]: true };

export interface Money<C extends string = SomeCurrency> {
  readonly amount: MoneyDecimal;
  readonly currency: C;
}
export type AnyMoney = Money<SomeCurrency>;

/** The JSON form everywhere: `{ "amount": "1234.50", "currency": "USD" }`. */
export interface MoneyJson {
  amount: string;
  currency: string;
}

type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never;
/** `C` when it is one currency the compiler knows, `never` otherwise (a run-time currency, `string`, a union). */
export type OneKnownCurrency<C extends string> = [C] extends [SomeCurrency]
  ? never
  : string extends C
    ? never
    : IsUnion<C> extends true
      ? never
      : C;

export class MoneyError extends Error {
  constructor(
    readonly code:
      | 'money.currency_invalid'
      | 'money.amount_invalid'
      | 'money.amount_precision'
      | 'money.currency_mismatch',
    message: string,
  ) {
    super(message);
    this.name = 'MoneyError';
  }
}

const DECIMAL_TEXT = /^[+-]?\d{1,18}(\.\d{1,18})?$/;

/** The digits after the decimal point of a currency: 2 for USD and CNY, 0 for JPY, 3 for KWD. */
export function minorUnits(currency: string): number {
  const found = findCurrency(currency);
  if (!found || found.code !== currency) throw new MoneyError('money.currency_invalid', `Unknown currency ${currency}`);
  return found.minorUnits;
}

/** Parses a decimal amount; refuses floats' exponent forms, thousands separators and more decimals than the currency has. */
export function money<C extends string>(amount: string | number | MoneyDecimal, currency: C): Money<C> {
  if (!isCurrencyCode(currency)) throw new MoneyError('money.currency_invalid', `Unknown currency ${currency}`);
  const value = toDecimal(amount);
  const digits = minorUnits(currency);
  if (value.decimalPlaces() > digits) {
    throw new MoneyError('money.amount_precision', `${currency} amounts have at most ${digits} decimals`);
  }
  return Object.freeze({ amount: value, currency });
}

/** An amount read from storage or a request, whose currency the compiler cannot know. */
export function anyMoney(amount: string | number | MoneyDecimal, currency: string): AnyMoney {
  return money(amount, currency as SomeCurrency);
}

export function moneyFromJson(json: MoneyJson): AnyMoney {
  return anyMoney(json.amount, json.currency);
}

export function moneyToJson(value: Money<string>): MoneyJson {
  return { amount: value.amount.toFixed(minorUnits(value.currency)), currency: value.currency };
}

function toDecimal(amount: string | number | MoneyDecimal): MoneyDecimal {
  if (amount instanceof MoneyDecimal) return amount;
  if (typeof amount === 'number') {
    if (!Number.isFinite(amount)) throw new MoneyError('money.amount_invalid', `Not an amount: ${amount}`);
    // The shortest text that reads back as this number: 0.1 stays 0.1, not 0.1000000000000000055…
    return toDecimal(String(amount));
  }
  const text = amount.trim();
  if (!DECIMAL_TEXT.test(text)) throw new MoneyError('money.amount_invalid', `Not a decimal amount: ${amount}`);
  return new MoneyDecimal(text);
}

export function addMoney<C extends string>(a: Money<C>, b: Money<OneKnownCurrency<NoInfer<C>>>): Money<C> {
  return Object.freeze({ amount: a.amount.plus(b.amount), currency: a.currency });
}

export function subtractMoney<C extends string>(a: Money<C>, b: Money<OneKnownCurrency<NoInfer<C>>>): Money<C> {
  return Object.freeze({ amount: a.amount.minus(b.amount), currency: a.currency });
}

/** Multiplies by a plain factor (a quantity, a percentage) and rounds half up to the currency's minor units. */
export function multiplyMoney<C extends string>(a: Money<C>, factor: string | number | MoneyDecimal): Money<C> {
  const product = a.amount.times(factor instanceof MoneyDecimal ? factor : new MoneyDecimal(factor));
  return Object.freeze({ amount: roundToMinor(product, a.currency), currency: a.currency });
}

export function roundToMinor(amount: MoneyDecimal, currency: string): MoneyDecimal {
  return amount.toDecimalPlaces(minorUnits(currency), MoneyDecimal.ROUND_HALF_UP);
}

export function isZeroMoney(a: Money<string>): boolean {
  return a.amount.isZero();
}

export function moneyEquals(a: Money<string>, b: Money<string>): boolean {
  return a.currency === b.currency && a.amount.equals(b.amount);
}

/**
 * Narrows a run-time amount to a currency the code names, e.g. before adding it to a `Money<'CNY'>`.
 * Throws `money.currency_mismatch` when the amount is in another currency.
 */
export function expectCurrency<const C extends string>(value: Money<string>, currency: C): Money<C> {
  if (value.currency !== currency) {
    throw new MoneyError('money.currency_mismatch', `Expected ${currency}, got ${value.currency}`);
  }
  return value as Money<C>;
}

/** Sums of amounts kept per currency: the only way to add amounts whose currencies are known at run time. */
export class MoneyTotals {
  private readonly sums = new Map<string, MoneyDecimal>();

  add(value: Money<string>): this {
    this.sums.set(value.currency, (this.sums.get(value.currency) ?? new MoneyDecimal(0)).plus(value.amount));
    return this;
  }

  get currencies(): string[] {
    return [...this.sums.keys()].sort();
  }

  /** The total in one currency (zero when nothing in it was added). */
  in(currency: string): AnyMoney {
    return anyMoney(this.sums.get(currency) ?? new MoneyDecimal(0), currency);
  }

  toJson(): MoneyJson[] {
    return this.currencies.map((currency) => moneyToJson(this.in(currency)));
  }
}

/**
 * The JSON of an amount read from storage (a `numeric` and its currency column), rounded half up to the currency's
 * minor units; null when either is missing. For totals and rows written before an amount was checked on input.
 */
export function storedMoneyJson(
  amount: string | number | MoneyDecimal | null | undefined,
  currency: string | null | undefined,
): MoneyJson | null {
  if (amount === null || amount === undefined || !currency) return null;
  const value = amount instanceof MoneyDecimal ? amount : new MoneyDecimal(String(amount));
  return moneyToJson(anyMoney(roundToMinor(value, currency), currency));
}

/** Adds amounts per currency, never converting: one total per currency, in the order the currencies first appear. */
export function sumPerCurrency(amounts: readonly MoneyJson[]): MoneyJson[] {
  const totals = new Map<string, AnyMoney>();
  for (const json of amounts) {
    const value = moneyFromJson(json);
    const before = totals.get(value.currency);
    totals.set(value.currency, before ? anyMoney(before.amount.plus(value.amount), value.currency) : value);
  }
  return [...totals.values()].map((total) => moneyToJson(total));
}
