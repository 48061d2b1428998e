import { describe, expect, it } from 'vitest';
import { mergeBundles, translations } from './translations';

describe('mergeBundles', () => {
  it('merges bundles key by key, gathering nested objects such as the menu labels', () => {
    const shell = { common: { save: 'Save' }, nav: { menu: 'Navigation' } };
    const pool = { pool: { title: 'Public pool' }, nav: { pool: 'Public pool' } };
    expect(mergeBundles([shell, pool])).toEqual({
      common: { save: 'Save' },
      nav: { menu: 'Navigation', pool: 'Public pool' },
      pool: { title: 'Public pool' },
    });
  });

  it('refuses a text two bundles both declare, naming its key', () => {
    const customers = { nav: { customers: 'Customers' } };
    const other = { nav: { customers: 'All customers' } };
    expect(() => mergeBundles([customers, other])).toThrow('Translation key nav.customers is declared twice');
  });

  it('refuses a namespace two bundles both declare as text and as a group of texts', () => {
    expect(() => mergeBundles([{ pool: 'Pool' }, { pool: { title: 'Pool' } }])).toThrow('pool');
    expect(() => mergeBundles([{ pool: { title: 'Pool' } }, { pool: 'Pool' }])).toThrow('pool');
  });

  it('leaves the bundles it merges as they were', () => {
    const shell = { nav: { menu: 'Navigation' } };
    const pool = { nav: { pool: 'Public pool' } };
    mergeBundles([shell, pool]);
    expect(shell).toEqual({ nav: { menu: 'Navigation' } });
  });
});

describe('translations', () => {
  it("hold the shell's texts and every module's", () => {
    for (const bundle of [translations['zh-CN'], translations.en]) {
      expect(typeof bundle.common.save).toBe('string');
      expect(typeof bundle.nav.menu).toBe('string');
      expect(typeof bundle.nav.pool).toBe('string');
      expect(typeof bundle.pool.title).toBe('string');
      expect(typeof bundle.customerValues).toBe('object');
    }
    expect(translations['zh-CN'].nav.pool).toBe('公海');
    expect(translations.en.nav.pool).toBe('Public pool');
  });
});
