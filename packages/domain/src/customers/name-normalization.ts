import { countries, countryNameVariants } from '../reference/countries';
import { toSimplifiedChinese } from './traditional-to-simplified';

/**
 * The key two spellings of one company share, for duplicate detection: 華為技術有限公司, 华为技术有限公司 and
 * "Huawei Technologies Co., Ltd." vs "HUAWEI TECHNOLOGIES" agree. Full-width becomes half-width, letters lower case,
 * traditional Chinese simplified; country markers in brackets ((中国), (China)), legal forms at the end
 * (有限公司, Co., Ltd., GmbH…), punctuation and spaces go. Words that tell companies apart stay: 集团, 分公司,
 * Group, Logistics.
 */
export function normalizeCompanyName(name: string): string {
  // Stripping joins text and simplifying looks at neighbouring characters, so one pass can leave something that a
  // second pass would still change; repeating until stable makes the key idempotent.
  let current = name;
  for (let round = 0; round < 4; round++) {
    const next = normalizeOnce(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

function normalizeOnce(name: string): string {
  const text = toSimplifiedChinese(name.normalize('NFKC').toLowerCase()).normalize('NFKC');
  const unmarked = removeBracketMarkers(text);
  const words = stripLegalForms(splitWords(unmarked));
  if (words.length > 0) return words.join('');
  return splitWords(text).join('');
}

const BRACKETED = /[([{【〔〖]([^()[\]{}【】〔〕〖〗]*)[)\]}】〕〗]/gu;
const NOT_WORD = /[^\p{L}\p{N}\p{M}]+/u;
const HAN_AT_START = /^\p{Script=Han}/u;
const HAN_AT_END = /\p{Script=Han}$/u;

function compact(text: string): string {
  return text.split(NOT_WORD).join('');
}

const bracketMarkers = new Set([
  ...countries.flatMap((country) => countryNameVariants(country.code)).map((name) => compact(name.toLowerCase())),
  ...['prc', 'prchina', 'usa', 'uk', 'hk', 'hksar', 'uae', '中国大陆', '大陆'],
  // Legal forms written in brackets: (有限合伙), and the Japanese and Korean short forms (株), (有), (주).
  ...['有限合伙', '普通合伙', '特殊普通合伙', '株', '有', '주'],
]);

/** Drops bracketed country names and legal forms: 宝洁（中国）, Siemens (China), 嘉里 (香港), (株)日立. */
function removeBracketMarkers(text: string): string {
  const removed = text.replace(BRACKETED, (bracket, inner: string) =>
    bracketMarkers.has(compact(inner)) ? ' ' : bracket,
  );
  return compact(removed) === '' ? text : removed;
}

/** Words of letters and digits; Chinese runs split only by spaces or punctuation are one word, as they are read. */
function splitWords(text: string): string[] {
  const words: string[] = [];
  for (const word of text.split(NOT_WORD)) {
    if (word === '') continue;
    const previous = words.at(-1);
    if (previous !== undefined && HAN_AT_END.test(previous) && HAN_AT_START.test(word)) {
      words[words.length - 1] = previous + word;
    } else {
      words.push(word);
    }
  }
  return words;
}

// Legal forms written as separate words, longest first so "private limited" goes before "limited". Dotted
// abbreviations arrive split into letters (S.A. → s, a), which is why single letters appear only inside sequences.
const latinLegalForms: readonly (readonly string[])[] = [
  ['s', 'a', 'de', 'c', 'v'],
  ['public', 'company', 'limited'],
  ['sa', 'de', 'cv'],
  ['private', 'limited'],
  ['s', 'a', 'r', 'l'],
  ['l', 'l', 'c'],
  ['s', 'a', 's'],
  ['s', 'r', 'l'],
  ['s', 'p', 'a'],
  ['s', 'a'],
  ['b', 'v'],
  ['n', 'v'],
  ['a', 's'],
  ['k', 'k'],
  ['l', 'p'],
  ['ltd'],
  ['limited'],
  ['co'],
  ['company'],
  ['inc'],
  ['incorporated'],
  ['corp'],
  ['corporation'],
  ['llc'],
  ['llp'],
  ['lp'],
  ['plc'],
  ['gmbh'],
  ['kg'],
  ['ag'],
  ['sa'],
  ['sas'],
  ['sarl'],
  ['srl'],
  ['spa'],
  ['bv'],
  ['nv'],
  ['pte'],
  ['pvt'],
  ['pty'],
  ['sdn'],
  ['bhd'],
  ['berhad'],
  ['kk'],
  ['oy'],
  ['ab'],
  ['as'],
  ['aps'],
  ['ltda'],
  ['jsc'],
  ['pcl'],
  ['tbk'],
];

// Legal forms glued to the end of a Chinese, Japanese or Korean name, longest first.
const cjkLegalSuffixes = [
  '股份有限公司',
  '有限责任公司',
  '特殊普通合伙',
  '有限公司',
  '股份公司',
  '有限合伙',
  '普通合伙',
  '株式会社',
  '有限会社',
  '合同会社',
  '주식회사',
  '유한회사',
  '公司',
];
// Japanese and Korean names as often put the legal form first: 株式会社日立製作所.
const cjkLegalPrefixes = ['株式会社', '有限会社', '주식회사'];
// A branch or head office is a different record from the company itself.
const keepsCompanySuffix = ['分公司', '总公司'];

function stripLegalForms(words: readonly string[]): string[] {
  let current = [...words];
  for (;;) {
    const next = stripOne(current);
    if (next === undefined || next.join('') === '') return current;
    current = next;
  }
}

/** The words with one legal form removed from the end (or the start), or undefined when there is none. */
function stripOne(words: readonly string[]): string[] | undefined {
  for (const form of latinLegalForms) {
    if (
      form.length <= words.length &&
      form.every((part, index) => words[words.length - form.length + index] === part)
    ) {
      return words.slice(0, words.length - form.length);
    }
  }
  const last = words.at(-1) ?? '';
  if (!keepsCompanySuffix.some((suffix) => last.endsWith(suffix))) {
    const suffix = cjkLegalSuffixes.find((candidate) => last.endsWith(candidate));
    if (suffix) return withWord(words, words.length - 1, last.slice(0, -suffix.length));
  }
  const first = words[0] ?? '';
  const prefix = cjkLegalPrefixes.find((candidate) => first.startsWith(candidate));
  if (prefix) return withWord(words, 0, first.slice(prefix.length));
  return undefined;
}

function withWord(words: readonly string[], index: number, replacement: string): string[] {
  const copy = [...words];
  if (replacement === '') copy.splice(index, 1);
  else copy[index] = replacement;
  return copy;
}
