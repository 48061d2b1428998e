import { normalizeCompanyName } from '@berth/domain';
import { nameKeys } from '@berth/domain/customers/name-keys';
import { toSimplifiedChinese } from '@berth/domain/customers/traditional-to-simplified';

/** What a person may type, folded the same way the stored search text is: width, case, script, punctuation. */
export function searchNeedle(text: string): string {
  return toSimplifiedChinese(text.normalize('NFKC').toLowerCase())
    .replace(/[^\p{L}\p{N}@.+]+/gu, '')
    .slice(0, 100);
}

export interface CustomerKeys {
  nameKey: string;
  nameEnKey: string | null;
  namePinyin: string | null;
  searchText: string;
}

/** The derived columns of a customer before it has a code: an import works them out ahead of its write. */
export interface UncodedCustomerKeys {
  nameKey: string;
  nameEnKey: string | null;
  namePinyin: string | null;
  /** The search text's parts after the code, in order, empty ones left out. */
  parts: string[];
}

/** The keys of `customerKeys` without the code, which only the write gives a new customer. */
export function uncodedCustomerKeys(c: {
  name: string;
  nameEn?: string | null;
  creditCode?: string | null;
  phone?: string | null;
  email?: string | null;
}): UncodedCustomerKeys {
  const zh = nameKeys(c.name);
  const nameEnKey = c.nameEn ? normalizeCompanyName(c.nameEn) || null : null;
  const parts = [
    searchNeedle(c.name),
    zh.normalized,
    zh.pinyin,
    zh.initials,
    c.nameEn ? searchNeedle(c.nameEn) : null,
    nameEnKey,
    c.creditCode,
    c.phone?.replace(/^\+86/, ''),
    c.phone,
    c.email,
  ];
  return { nameKey: zh.normalized, nameEnKey, namePinyin: zh.pinyin, parts: parts.filter((p): p is string => !!p) };
}

/** The keys worked out ahead (`uncodedCustomerKeys`) completed with the customer's code. */
export function withCode(code: string, keys: UncodedCustomerKeys): CustomerKeys {
  const searchText = [...new Set([code, ...keys.parts].filter((p) => !!p).map((p) => p.toLowerCase()))].join(' | ');
  return { nameKey: keys.nameKey, nameEnKey: keys.nameEnKey, namePinyin: keys.namePinyin, searchText };
}

/**
 * The derived columns of a customer: duplicate keys (normalised names and the pinyin of the
 * Chinese name) and one search text holding code, names, pinyin, initials, credit code, phone
 * and email, separated so a search cannot match across two of them.
 */
export function customerKeys(c: {
  code: string;
  name: string;
  nameEn?: string | null;
  creditCode?: string | null;
  phone?: string | null;
  email?: string | null;
}): CustomerKeys {
  return withCode(c.code, uncodedCustomerKeys(c));
}
