import { errorMessages } from '@berth/domain';
import { describe, expect, it } from 'vitest';
import { translations } from './translations';

/**
 * One word for each thing in the Chinese console. Each entry names the term the product uses (the
 * specification's where it has one) and the synonyms that must not appear beside it: a second word
 * for the same thing makes a user wonder whether they are two things.
 */
const glossary: { thing: string; term: string; not: string[] }[] = [
  { thing: 'customer code', term: '客户编码', not: ['客户编号', '客户代码'] },
  { thing: 'relationship type (散客, 挂靠, 长期, 战略)', term: '合作类型', not: ['客户类型', '关系类型'] },
  { thing: 'opportunity', term: '商机', not: ['销售机会'] },
  // 销售活动 are planned events (visits, trade shows, presentations); logged calls, visits and
  // meetings are 跟进活动. Neither word may stand for the other.
  { thing: 'sales event', term: '销售活动', not: ['展会活动', '市场活动'] },
  { thing: 'logged activity', term: '跟进活动', not: ['销售活动记录', '活动记录', '跟进记录'] },
];

/** Every text of a bundle with its key path. */
function texts(bundle: unknown, path = ''): [string, string][] {
  if (typeof bundle === 'string') return [[path, bundle]];
  if (Array.isArray(bundle)) return bundle.flatMap((value, index) => texts(value, `${path}.${index}`));
  if (typeof bundle === 'object' && bundle !== null) {
    return Object.entries(bundle).flatMap(([key, value]) => texts(value, path ? `${path}.${key}` : key));
  }
  return [];
}

const zhTexts = [
  ...texts(translations['zh-CN']),
  ...Object.entries(errorMessages).map(([code, text]): [string, string] => [`errors:${code}`, text['zh-CN']]),
];

describe('zh-CN glossary', () => {
  it.each(glossary)('calls the $thing $term and nothing else', ({ term, not }) => {
    const offending = zhTexts.filter(([, text]) => not.some((word) => text.includes(word)));
    expect(offending.map(([key, text]) => `${key}: ${text}`)).toEqual([]);
    expect(zhTexts.some(([, text]) => text.includes(term))).toBe(true);
  });

  it('uses the same word for a sales event in the menu and in the role matrix', () => {
    const zh = translations['zh-CN'] as unknown as {
      nav: Record<string, string>;
      permissions: { resources: Record<string, string> };
    };
    expect(zh.permissions.resources.salesEvents).toBe(zh.nav.salesEvents);
    expect(zh.permissions.resources.activities).toBe('跟进活动');
  });
});
