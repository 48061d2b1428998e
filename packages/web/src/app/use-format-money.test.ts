import { describe, expect, it } from 'vitest';
import { formatAmount } from './use-format-money';

describe('formatting an amount', () => {
  it('groups the digits of the decimal text and keeps every decimal, beyond what a float holds', () => {
    expect(formatAmount('1234567.50', 'en')).toBe('1,234,567.50');
    expect(formatAmount('99999999999999.99', 'en')).toBe('99,999,999,999,999.99');
    expect(formatAmount('-1200.00', 'zh-CN')).toBe('-1,200.00');
    expect(formatAmount('501', 'en')).toBe('501');
  });
});
