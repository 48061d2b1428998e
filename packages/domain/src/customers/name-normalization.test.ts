import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeCompanyName } from './name-normalization';

const toFullWidth = (text: string) =>
  text.replace(/[!-~]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');

/** Simplified characters common in company names with their traditional forms. */
const traditionalOf: Record<string, string> = {
  华: '華',
  为: '為',
  技: '技',
  术: '術',
  长: '長',
  荣: '榮',
  海: '海',
  运: '運',
  东: '東',
  国: '國',
  际: '際',
  货: '貨',
  代: '代',
  理: '理',
  物: '物',
  流: '流',
  达: '達',
  顺: '順',
  信: '信',
  捷: '捷',
  航: '航',
  万: '萬',
  阳: '陽',
  明: '明',
  宁: '寧',
  波: '波',
  广: '廣',
  州: '州',
  岛: '島',
  门: '門',
  连: '連',
  发: '發',
  展: '展',
  贸: '貿',
  易: '易',
  车: '車',
  电: '電',
  机: '機',
  兴: '興',
  业: '業',
  实: '實',
  创: '創',
  新: '新',
  环: '環',
  球: '球',
  集: '集',
  团: '團',
};
const simplifiedChars = Object.keys(traditionalOf);
const toTraditional = (text: string) => [...text].map((char) => traditionalOf[char] ?? char).join('');

const chineseName = fc
  .array(fc.constantFrom(...simplifiedChars), { minLength: 2, maxLength: 8 })
  .map((chars) => chars.join(''));
const latinName = fc
  .array(
    fc.constantFrom(
      'pacific',
      'ocean',
      'star',
      'global',
      'freight',
      'shipping',
      'trading',
      'logistics',
      'east',
      'blue',
    ),
    { minLength: 1, maxLength: 4 },
  )
  .chain((words) =>
    fc.constantFrom(words.join(' '), words.map((word) => word[0]?.toUpperCase() + word.slice(1)).join(' ')),
  );
const chineseLegalForm = fc.constantFrom('有限公司', '有限责任公司', '股份有限公司', '公司', '（有限合伙）');
const latinLegalForm = fc.constantFrom(
  'Co., Ltd.',
  'Co.,Ltd',
  'CO., LTD',
  'Company Limited',
  'Limited',
  'Ltd',
  'Inc.',
  'Incorporated',
  'Corp.',
  'Corporation',
  'LLC',
  'GmbH',
  'S.A.',
  'Pte. Ltd.',
  'Sdn. Bhd.',
  'Pty Ltd',
  'B.V.',
);
const countryMarker = fc.constantFrom(
  '（中国）',
  '(中國)',
  '(China)',
  ' (PRC) ',
  '（香港）',
  '(Hong Kong)',
  '【中国】',
);

describe('normalizeCompanyName', () => {
  it('gives one key to the simplified and traditional spellings of a company', () => {
    const pairs = [
      ['華為技術有限公司', '华为技术有限公司'],
      ['長榮海運股份有限公司', '长荣海运'],
      ['陽明海運股份有限公司', '阳明海运股份有限公司'],
      ['萬海航運股份有限公司', '万海航运'],
      ['國泰航空有限公司', '国泰航空'],
      ['東方海外貨櫃航運有限公司', '东方海外货柜航运有限公司'],
      ['嘉里大通物流有限公司', '嘉里大通物流'],
    ];
    for (const [traditional = '', simplified = ''] of pairs) {
      expect(normalizeCompanyName(traditional), traditional).toBe(normalizeCompanyName(simplified));
    }
    expect(normalizeCompanyName('華為技術有限公司')).toBe('华为技术');
  });

  it('drops legal forms at the end, in Chinese, English and other languages', () => {
    expect(normalizeCompanyName('华为技术有限公司')).toBe('华为技术');
    expect(normalizeCompanyName('Huawei Technologies Co., Ltd.')).toBe('huaweitechnologies');
    expect(normalizeCompanyName('HUAWEI TECHNOLOGIES CO.,LTD')).toBe('huaweitechnologies');
    expect(normalizeCompanyName('Kerry Logistics Company Limited')).toBe('kerrylogistics');
    expect(normalizeCompanyName('Hapag-Lloyd AG')).toBe('hapaglloyd');
    expect(normalizeCompanyName('Bar GmbH & Co. KG')).toBe('bar');
    expect(normalizeCompanyName('Pacific Star Pte. Ltd.')).toBe('pacificstar');
    expect(normalizeCompanyName('Ocean Freight Sdn. Bhd.')).toBe('oceanfreight');
    expect(normalizeCompanyName('Transportes Foo S.A. de C.V.')).toBe('transportesfoo');
    expect(normalizeCompanyName('Maersk A/S')).toBe('maersk');
    expect(normalizeCompanyName('Globe Express Services Private Limited')).toBe('globeexpressservices');
  });

  it('drops Japanese and Korean legal forms before or after the name', () => {
    expect(normalizeCompanyName('株式会社日立物流')).toBe(normalizeCompanyName('日立物流株式会社'));
    expect(normalizeCompanyName('(株)日立物流')).toBe(normalizeCompanyName('日立物流'));
    expect(normalizeCompanyName('주식회사 한진')).toBe('한진');
  });

  it('keeps the words that tell companies apart: group, branch, head office, city', () => {
    expect(normalizeCompanyName('中国远洋海运集团有限公司')).toBe('中国远洋海运集团');
    expect(normalizeCompanyName('中国远洋海运集团有限公司上海分公司')).toBe('中国远洋海运集团有限公司上海分公司');
    expect(normalizeCompanyName('中外运总公司')).toBe('中外运总公司');
    expect(normalizeCompanyName('联想（北京）有限公司')).toBe('联想北京');
    expect(normalizeCompanyName('Unlimited Freight Ltd')).toBe('unlimitedfreight');
  });

  it('drops country markers in brackets wherever they are', () => {
    expect(normalizeCompanyName('宝洁（中国）有限公司')).toBe('宝洁');
    expect(normalizeCompanyName('西门子(中國)投资有限公司')).toBe('西门子投资');
    expect(normalizeCompanyName('Procter & Gamble (China) Ltd.')).toBe('proctergamble');
    expect(normalizeCompanyName('Kerry Logistics (Hong Kong) Limited')).toBe('kerrylogistics');
  });

  it('folds full-width characters and case, and drops punctuation and spaces', () => {
    expect(normalizeCompanyName('ＡＢＣ　Ｌｏｇｉｓｔｉｃｓ，　ＬＴＤ．')).toBe('abclogistics');
    expect(normalizeCompanyName('  上海 · 恒通 - 物流  ')).toBe('上海恒通物流');
  });

  it('keeps a name that is nothing but a legal form or a marker rather than returning an empty key', () => {
    expect(normalizeCompanyName('有限公司')).toBe('有限公司');
    expect(normalizeCompanyName('(中国)')).toBe('中国');
    expect(normalizeCompanyName('Co., Ltd.')).toBe('co');
    expect(normalizeCompanyName('')).toBe('');
  });

  it('is idempotent', () => {
    const nameLike = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc
        .tuple(fc.oneof(chineseName, latinName), fc.oneof(chineseLegalForm, latinLegalForm, countryMarker))
        .map(([a, b]) => a + b),
      fc
        .array(
          fc.integer({ min: 0x3400, max: 0x9fff }).map((code) => String.fromCodePoint(code)),
          { maxLength: 10 },
        )
        .map((chars) => chars.join('')),
    );
    fc.assert(
      fc.property(nameLike, (name) => {
        const once = normalizeCompanyName(name);
        expect(normalizeCompanyName(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('does not change the key when a legal form is added or removed', () => {
    fc.assert(
      fc.property(chineseName, chineseLegalForm, (name, form) => {
        expect(normalizeCompanyName(name + form)).toBe(normalizeCompanyName(name));
      }),
    );
    fc.assert(
      fc.property(latinName, latinLegalForm, fc.constantFrom(' ', ', '), (name, form, separator) => {
        expect(normalizeCompanyName(name + separator + form)).toBe(normalizeCompanyName(name));
      }),
    );
  });

  it('does not change the key when a country marker is added', () => {
    fc.assert(
      fc.property(fc.oneof(chineseName, latinName), countryMarker, chineseLegalForm, (name, marker, form) => {
        expect(normalizeCompanyName(name + marker + form)).toBe(normalizeCompanyName(name));
      }),
    );
  });

  it('does not change the key when case or width changes', () => {
    fc.assert(
      fc.property(fc.oneof(latinName, chineseName), fc.option(latinLegalForm), (name, form) => {
        const full = form === null ? name : `${name} ${form}`;
        const key = normalizeCompanyName(full);
        expect(normalizeCompanyName(full.toUpperCase())).toBe(key);
        expect(normalizeCompanyName(full.toLowerCase())).toBe(key);
        expect(normalizeCompanyName(toFullWidth(full))).toBe(key);
      }),
    );
  });

  it('gives traditional and simplified spellings the same key', () => {
    fc.assert(
      fc.property(chineseName, fc.option(chineseLegalForm), (name, form) => {
        const full = name + (form ?? '');
        expect(normalizeCompanyName(toTraditional(full))).toBe(normalizeCompanyName(full));
      }),
    );
  });
});
