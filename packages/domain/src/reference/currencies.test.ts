import { describe, expect, it } from 'vitest';
import { currencies, currencyName, findCurrency, isCurrencyCode } from './currencies';

describe('currencies', () => {
  it('lists ISO 4217 currencies once each, without the testing and no-currency codes', () => {
    expect(currencies.length).toBeGreaterThan(150);
    expect(new Set(currencies.map((currency) => currency.code)).size).toBe(currencies.length);
    for (const currency of currencies) {
      expect(currency.code).toMatch(/^[A-Z]{3}$/);
      expect(currency.numeric).toMatch(/^\d{3}$/);
      expect(Number.isInteger(currency.minorUnits)).toBe(true);
    }
    expect(isCurrencyCode('XTS')).toBe(false);
    expect(isCurrencyCode('XXX')).toBe(false);
  });

  it('knows the minor units of a currency', () => {
    expect(findCurrency('CNY')).toMatchObject({
      numeric: '156',
      minorUnits: 2,
      nameEn: 'Yuan Renminbi',
      nameZh: '人民币',
    });
    expect(findCurrency('JPY')?.minorUnits).toBe(0);
    expect(findCurrency('KWD')?.minorUnits).toBe(3);
  });

  it('has Chinese names for the currencies of trade', () => {
    const trade = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP', 'KRW', 'SGD', 'TWD', 'AUD', 'CAD', 'CHF', 'THB', 'MYR'];
    const more = ['VND', 'INR', 'AED', 'RUB', 'BRL', 'MXN', 'ZAR', 'NZD', 'IDR', 'PHP', 'SAR'];
    for (const code of [...trade, ...more]) {
      expect(findCurrency(code)?.nameZh, code).toMatch(/\p{Script=Han}/u);
    }
    expect(currencyName('HKD', 'zh-CN')).toBe('港币');
    expect(currencyName('USD', 'en')).toBe('US Dollar');
  });

  it('falls back to the English name where no Chinese name is common', () => {
    const rare = currencies.find((currency) => currency.nameZh === undefined);
    expect(rare).toBeDefined();
    if (rare) expect(currencyName(rare.code, 'zh-CN')).toBe(rare.nameEn);
  });

  it('knows only upper-case ISO codes', () => {
    expect(isCurrencyCode('USD')).toBe(true);
    expect(isCurrencyCode('usd')).toBe(false);
    expect(isCurrencyCode('RMB')).toBe(false);
    expect(currencyName('RMB', 'zh-CN')).toBeUndefined();
    expect(findCurrency(' usd ')?.code).toBe('USD');
  });
});
