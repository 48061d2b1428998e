import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameKeys } from './name-keys';

describe('nameKeys', () => {
  it('gives the normalised name, its pinyin and its initials', () => {
    expect(nameKeys('华为技术有限公司')).toEqual({ normalized: '华为技术', pinyin: 'huaweijishu', initials: 'hwjs' });
    expect(nameKeys('華為技術有限公司')).toEqual(nameKeys('华为技术有限公司'));
    expect(nameKeys('長榮海運股份有限公司')).toEqual({
      normalized: '长荣海运',
      pinyin: 'changronghaiyun',
      initials: 'crhy',
    });
  });

  it('reads polyphonic characters in context', () => {
    expect(nameKeys('重庆长安汽车股份有限公司').pinyin).toBe('chongqingchanganqiche');
    expect(nameKeys('中国银行').pinyin).toBe('zhongguoyinhang');
    expect(nameKeys('绿地控股集团').initials).toBe('ldkgjt');
  });

  it('keeps letters and digits of mixed names in the pinyin keys', () => {
    expect(nameKeys('TCL科技集团股份有限公司')).toEqual({
      normalized: 'tcl科技集团',
      pinyin: 'tclkejijituan',
      initials: 'tclkjjt',
    });
  });

  it('has no pinyin keys for names without Chinese characters', () => {
    expect(nameKeys('A.P. Moller - Maersk A/S')).toEqual({
      normalized: 'apmollermaersk',
      pinyin: null,
      initials: null,
    });
  });

  it('spells every Chinese character as one lower-case syllable', () => {
    const chineseName = fc
      .array(fc.constantFrom(...'华为技术长荣海运东方国际货代物流顺达信捷航空港口集团宁波广州青岛厦门'), {
        minLength: 1,
        maxLength: 10,
      })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(chineseName, (name) => {
        const keys = nameKeys(name);
        expect(keys.pinyin).toMatch(/^[a-z]+$/);
        expect(keys.initials).toMatch(/^[a-z]+$/);
        expect(keys.initials).toHaveLength([...keys.normalized].length);
        expect(keys.pinyin?.startsWith(keys.initials?.charAt(0) ?? '')).toBe(true);
      }),
    );
  });
});
