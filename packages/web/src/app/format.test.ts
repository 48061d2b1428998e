import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import {
  displayTimeZone,
  formatDateTime,
  formatNumber,
  formatRelative,
  formatValue,
  setDisplayTimeZone,
} from './format';

describe('formatDateTime', () => {
  it('shows a timestamp as local date and time', () => {
    const local = dayjs('2026-03-05T08:09:10');
    expect(formatDateTime(local.toISOString())).toBe('2026-03-05 08:09:10');
  });

  it('shows it in the signed-in user’s time zone once it is known', () => {
    setDisplayTimeZone('Europe/Berlin');
    expect(displayTimeZone()).toBe('Europe/Berlin');
    expect(formatDateTime('2026-03-05T00:09:10Z')).toBe('2026-03-05 01:09:10');
    setDisplayTimeZone('Asia/Shanghai');
    expect(formatDateTime('2026-03-05T00:09:10Z')).toBe('2026-03-05 08:09:10');
    setDisplayTimeZone(null);
  });

  it('shows a dash when there is no timestamp, and an unreadable one as it is', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
    expect(formatDateTime('')).toBe('—');
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});

describe('formatRelative', () => {
  it('says how long ago', () => {
    const threeMinutesAgo = dayjs().subtract(3, 'minute').toISOString();
    expect(formatRelative(threeMinutesAgo, 'en')).toBe('3 minutes ago');
    expect(formatRelative(threeMinutesAgo, 'zh-CN')).toBe('3 分钟前');
  });

  it('shows a dash when there is no timestamp, and an unreadable one as it is', () => {
    expect(formatRelative(null, 'en')).toBe('—');
    expect(formatRelative('not a date', 'en')).toBe('not a date');
  });
});

describe('formatNumber', () => {
  it('groups digits', () => {
    expect(formatNumber(1_200_000, 'en')).toBe('1,200,000');
    expect(formatNumber(1_200_000, 'zh-CN')).toBe('1,200,000');
  });

  it('shows zero as 0 and only a missing number as a dash', () => {
    expect(formatNumber(0, 'en')).toBe('0');
    expect(formatNumber(null, 'en')).toBe('—');
    expect(formatNumber(undefined, 'en')).toBe('—');
  });
});

describe('formatValue', () => {
  it('shows an audit value briefly', () => {
    expect(formatValue('Acme')).toBe('Acme');
    expect(formatValue({ limit: 10 })).toBe('{"limit":10}');
    expect(formatValue(['a', 'b'])).toBe('["a","b"]');
    expect(formatValue(false)).toBe('false');
    expect(formatValue(0)).toBe('0');
  });

  it('tells an empty text apart from no value', () => {
    expect(formatValue('')).toBe('""');
    expect(formatValue(null)).toBe('—');
    expect(formatValue(undefined)).toBe('—');
  });
});
