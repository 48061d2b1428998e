import { describe, expect, it } from 'vitest';
import { countries, countryName, countryNameVariants, findCountry, isCountryCode } from './countries';

describe('countries', () => {
  it('lists the 249 ISO 3166-1 countries and regions once each, by code', () => {
    expect(countries).toHaveLength(249);
    expect(new Set(countries.map((country) => country.code)).size).toBe(countries.length);
    expect(countries.map((country) => country.code)).toEqual(countries.map((country) => country.code).sort());
    for (const country of countries) {
      expect(country.code).toMatch(/^[A-Z]{2}$/);
      expect(country.nameEn.trim(), country.code).not.toBe('');
      expect(country.nameZh, country.code).toMatch(/\p{Script=Han}/u);
    }
  });

  it('names countries in English and Chinese', () => {
    expect(findCountry('CN')).toEqual({ code: 'CN', nameEn: 'China', nameZh: '中国' });
    expect(countryName('DE', 'zh-CN')).toBe('德国');
    expect(countryName('DE', 'en')).toBe('Germany');
    expect(countryName('us', 'zh-CN')).toBe('美国');
  });

  it('names Hong Kong, Macao and Taiwan as regions of China', () => {
    expect(countryName('HK', 'zh-CN')).toBe('中国香港');
    expect(countryName('MO', 'zh-CN')).toBe('中国澳门');
    expect(countryName('TW', 'zh-CN')).toBe('中国台湾');
    expect(countryName('TW', 'en')).toBe('Taiwan, China');
  });

  it('knows only upper-case ISO codes', () => {
    expect(isCountryCode('CN')).toBe(true);
    expect(isCountryCode('cn')).toBe(false);
    expect(isCountryCode('XK')).toBe(false);
    expect(isCountryCode('UK')).toBe(false);
    expect(isCountryCode('')).toBe(false);
    expect(countryName('ZZ', 'en')).toBeUndefined();
  });

  it('knows the other names a country goes by', () => {
    expect(countryNameVariants('US')).toEqual(expect.arrayContaining(['United States of America', 'USA', '美国']));
    expect(countryNameVariants('HK')).toEqual(expect.arrayContaining(['Hong Kong', '香港', '中国香港']));
    expect(countryNameVariants('ZZ')).toEqual([]);
  });
});
