import { pinyin } from 'pinyin-pro';
import { normalizeCompanyName } from './name-normalization';

/** Search keys of a company name: 华为技术有限公司 → huaweijishu / hwjs as well as 华为技术. */
export interface NameKeys {
  normalized: string;
  /** Full pinyin without tones or spaces (ü as v); null when the name has no Chinese characters. */
  pinyin: string | null;
  /** First letter of each syllable; letters and digits that are not Chinese are kept as they are. */
  initials: string | null;
}

const HAN = /\p{Script=Han}/u;

export function nameKeys(name: string): NameKeys {
  const normalized = normalizeCompanyName(name);
  if (!HAN.test(normalized)) return { normalized, pinyin: null, initials: null };
  // pinyin-pro reads polyphonic characters from their neighbours: 重庆 chongqing, 银行 yinhang, 长荣 changrong.
  // The initials are the first letters of the same syllables: one reading, not two (an import reads a name a row).
  const syllables = pinyin(normalized, { toneType: 'none', type: 'array', v: true });
  return {
    normalized,
    pinyin: syllables.join(''),
    initials: syllables.map((s) => s.slice(0, 1)).join(''),
  };
}
