import { describe, expect, it } from 'vitest';
import { exceptionFlags, formatMoneyJson, grossProfit } from './shipment-format';

describe('shipment formatting', () => {
  it('groups a decimal amount without going through a float', () => {
    expect(formatMoneyJson({ amount: '12345678901234567.89', currency: 'USD' }, 'en')).toBe(
      '12,345,678,901,234,567.89 USD',
    );
    expect(formatMoneyJson({ amount: '-1200', currency: 'JPY' }, 'en')).toBe('-1,200 JPY');
    expect(formatMoneyJson(null, 'en')).toBe('—');
  });

  it('takes cost from revenue only in one currency', () => {
    expect(
      grossProfit({ revenue: { amount: '1000.10', currency: 'USD' }, cost: { amount: '800.20', currency: 'USD' } }),
    ).toEqual({ amount: '199.90', currency: 'USD' });
    expect(
      grossProfit({ revenue: { amount: '1000', currency: 'USD' }, cost: { amount: '800', currency: 'CNY' } }),
    ).toBeNull();
    expect(grossProfit({ revenue: { amount: '1000', currency: 'USD' }, cost: null })).toBeNull();
  });

  it('lists the current exceptions', () => {
    expect(exceptionFlags({ rolled: true, customsHold: false, damaged: true, lost: false })).toEqual([
      'rolled',
      'damaged',
    ]);
  });
});
