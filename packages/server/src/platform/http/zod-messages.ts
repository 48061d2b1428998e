import type { Locale } from '@berth/domain';
import { errorMessage } from '../error-catalogue';

interface IssueLike {
  code?: string;
  message?: string;
  path?: PropertyKey[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  expected?: string;
  format?: string;
  keys?: string[];
}

const t = (locale: Locale, zh: string, en: string) => (locale === 'en' ? en : zh);

/** A person-readable message for a zod issue, in the caller's language. */
export function zodIssueMessage(issue: IssueLike, locale: Locale): string {
  if (issue.message && /^[a-z_]+\.[a-z_.]+$/.test(issue.message)) return errorMessage(issue.message, locale);
  const sized = issue.origin === 'string' ? t(locale, '个字符', ' characters') : '';
  switch (issue.code) {
    case 'invalid_type':
      return issue.message?.includes('received undefined')
        ? t(locale, '必填', 'Required')
        : t(locale, `类型不正确，应为 ${issue.expected}`, `Expected ${issue.expected}`);
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return t(locale, '必填', 'Required');
      return t(locale, `不能少于 ${issue.minimum}${sized}`, `Must be at least ${issue.minimum}${sized}`);
    case 'too_big':
      return t(locale, `不能超过 ${issue.maximum}${sized}`, `Must be at most ${issue.maximum}${sized}`);
    case 'invalid_format':
      if (issue.format === 'email') return t(locale, '邮箱格式不正确', 'Not a valid email address');
      if (issue.format === 'uuid') return t(locale, '标识格式不正确', 'Not a valid id');
      if (issue.format === 'datetime') return t(locale, '日期时间格式不正确', 'Not a valid date and time');
      return t(locale, '格式不正确', 'Invalid format');
    case 'invalid_value':
      return t(locale, '取值不在允许范围内', 'Not one of the allowed values');
    case 'unrecognized_keys':
      return t(locale, `不支持的字段：${issue.keys?.join(', ')}`, `Unknown field: ${issue.keys?.join(', ')}`);
    default:
      return t(locale, '取值无效', 'Invalid value');
  }
}

export function zodIssueCode(issue: IssueLike): string {
  if (issue.message && /^[a-z_]+\.[a-z_.]+$/.test(issue.message)) return issue.message;
  return `validation.${issue.code ?? 'invalid'}`;
}
