import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contactImportRow, suggestContactMapping } from '../customers/contact-import-fields';
import {
  importEntities,
  importFieldNamesOf,
  importTemplateHeaders,
  missingImportColumn,
  suggestImportMapping,
} from './import-schemas';
import { excelSerialToIsoDate, parseBooleanWord, parseDateWord, splitList } from './import-values';

const toFullWidth = (text: string) =>
  text.replace(/[0-9A-Za-z/]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));

/** Any real calendar date between 1900 and 2099. */
const calendarDate = fc
  .date({ min: new Date('1900-03-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => ({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }));
const iso = ({ year, month, day }: { year: number; month: number; day: number }) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** Mixed case and surrounding spaces, as people type. */
const casedWord = (words: string[]) =>
  fc
    .tuple(fc.constantFrom(...words), fc.boolean(), fc.constantFrom('', ' ', '  '))
    .map(([word, upper, space]) => `${space}${upper ? word.toUpperCase() : word}${space}`);

describe('parseBooleanWord', () => {
  it('reads 是/否, yes/no, Y/N, true/false and 1/0 in any case, width and padding', () => {
    fc.assert(
      fc.property(casedWord(['是', 'yes', 'y', 'true', '1']), fc.boolean(), (word, wide) => {
        expect(parseBooleanWord(wide ? toFullWidth(word) : word)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(casedWord(['否', 'no', 'n', 'false', '0']), fc.boolean(), (word, wide) => {
        expect(parseBooleanWord(wide ? toFullWidth(word) : word)).toBe(false);
      }),
    );
  });

  it('answers null for anything else rather than guessing', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 2, maxLength: 8 }), (text) => {
        const word = text.normalize('NFKC').trim().toLowerCase();
        // Every word the parser knows; a longer string that trims to one of them (" y", "1 ") is no "else".
        const known = ['是', '对', '有', '√', '✓', 'yes', 'y', 'true', 't', '1', 'on'];
        known.push('否', '不是', '错', '无', '没有', '×', '✗', 'no', 'n', 'false', 'f', '0', 'off');
        fc.pre(!known.includes(word));
        expect(parseBooleanWord(text)).toBeNull();
      }),
    );
    expect(parseBooleanWord('maybe')).toBeNull();
    expect(parseBooleanWord('')).toBeNull();
  });
});

describe('parseDateWord', () => {
  it('reads every way a date is written in a spreadsheet as the same ISO date', () => {
    fc.assert(
      fc.property(calendarDate, fc.boolean(), (date, wide) => {
        const { year, month, day } = date;
        const mm = String(month).padStart(2, '0');
        const dd = String(day).padStart(2, '0');
        for (const text of [
          iso(date),
          `${year}/${month}/${day}`,
          `${year}/${mm}/${dd}`,
          `${year}.${month}.${day}`,
          `${year}-${month}-${day}`,
          `${year}年${month}月${day}日`,
          `${year}年${mm}月${dd}日`,
          `${year}${mm}${dd}`,
          `${iso(date)}T00:00:00.000Z`,
        ]) {
          expect(parseDateWord(wide ? toFullWidth(text) : text), text).toBe(iso(date));
        }
      }),
    );
  });

  it('reads Excel date serials (1900 date system)', () => {
    expect(parseDateWord('32994')).toBe('1990-05-01');
    expect(excelSerialToIsoDate(1)).toBe('1900-01-01');
    expect(excelSerialToIsoDate(61)).toBe('1900-03-01');
    expect(excelSerialToIsoDate(45658)).toBe('2025-01-01');
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2_958_465 }), (serial) => {
        const date = excelSerialToIsoDate(serial) as string;
        // One more day is one more serial.
        const next = new Date(`${date}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        expect(excelSerialToIsoDate(serial + 1) ?? next.toISOString().slice(0, 10)).toBe(
          next.toISOString().slice(0, 10),
        );
      }),
    );
  });

  it('refuses days that do not exist and text that is not a date', () => {
    for (const text of ['1990-02-30', '2023/2/29', '1990年13月1日', '1990-00-10', 'yesterday', '5/1/1990', '', '0'])
      expect(parseDateWord(text), text).toBeNull();
    expect(parseDateWord('2024/2/29')).toBe('2024-02-29');
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (text) => {
        const result = parseDateWord(text);
        if (result !== null) expect(result).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
    );
  });
});

describe('splitList', () => {
  it('splits on any separator and never yields empty items', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z0-9@.+]{1,12}$/), { minLength: 1, maxLength: 5 }),
        fc.constantFrom(',', '，', ';', '；', '、', '|', '\n', ' , '),
        (items, separator) => {
          expect(splitList(items.join(separator))).toEqual(items);
        },
      ),
    );
  });
});

describe('contact import rows', () => {
  it('maps Chinese and English headers to contact fields', () => {
    expect(
      suggestContactMapping([
        '客户编号',
        '客户名称',
        '姓名',
        '手机',
        '邮箱',
        '生日',
        '主要联系人',
        'Marketing consent',
      ]),
    ).toEqual({
      客户编号: 'customerCode',
      客户名称: 'customerName',
      姓名: 'name',
      手机: 'phones',
      邮箱: 'emails',
      生日: 'birthday',
      主要联系人: 'isPrimary',
      'Marketing consent': 'marketingConsent',
    });
  });

  it('reads flags, dates, lists and channels, and names the cells it cannot read', () => {
    const ok = contactImportRow({
      customerCode: ' c000012 ',
      name: '张伟',
      phones: '13800138000；021-61234567',
      birthday: '1990年5月1日',
      isPrimary: '是',
      marketingConsent: 'N',
      preferredChannel: '微信',
    });
    expect(ok.customer).toEqual({ code: 'C000012', creditCode: null, name: null });
    expect(ok.input).toMatchObject({
      name: '张伟',
      phones: ['13800138000', '021-61234567'],
      birthday: '1990-05-01',
      isPrimary: true,
      marketingConsent: false,
      preferredChannel: 'wechat',
    });
    expect(ok.problems).toEqual([]);
    const bad = contactImportRow({ customerName: 'X', name: 'Y', birthday: '上个月', isPrimary: 'maybe' });
    expect(bad.problems).toEqual([
      { field: 'birthday', code: 'import.date_invalid' },
      { field: 'isPrimary', code: 'import.boolean_invalid' },
    ]);
  });

  it('reads WeChat and WeCom (微信 / 企业微信) in the words spreadsheets use', () => {
    const channel = (text: string) =>
      contactImportRow({ customerName: 'X', name: 'Y', preferredChannel: text }).input.preferredChannel;
    for (const text of ['微信', 'WeChat', 'wechat', '个人微信', 'Weixin']) expect(channel(text)).toBe('wechat');
    for (const text of ['企业微信', 'WeCom', 'wecom', 'WeChat Work', '企微', 'WeWork'])
      expect(channel(text)).toBe('wecom');
    expect(channel('电话')).toBe('phone');
    // Unknown words are passed on for the contact's validation to name.
    expect(channel('传真')).toBe('传真');
  });
});

describe('import templates', () => {
  it('map every column back to its field by themselves', () => {
    for (const entity of importEntities) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const headers = importTemplateHeaders(entity, locale);
        const mapping = suggestImportMapping(entity, headers);
        expect(Object.values(mapping).sort(), `${entity} ${locale}`).toEqual([...importFieldNamesOf(entity)].sort());
        expect(missingImportColumn(entity, mapping)).toBeNull();
      }
    }
    expect(importTemplateHeaders('customers', 'en').slice(5, 7)).toEqual(['Name', 'English name']);
    expect(missingImportColumn('contacts', { 姓名: 'name' })).toBe('import.mapping_needs_customer');
    expect(missingImportColumn('customers', { 电话: 'phone' })).toBe('import.mapping_needs_name');
  });
});
