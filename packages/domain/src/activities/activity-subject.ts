import type { Locale } from '../platform/locale';
import type { ActivityKind } from './activity-schemas';

/** How an activity without a subject is named: its kind, who it was with and the start of its notes. */
export interface ActivitySubjectParts {
  kind: ActivityKind;
  customerName: string;
  /** The first of the customer's people who took part, if any. */
  contactName?: string | null;
  minutes?: string | null;
}

const kindPhrases: Record<Locale, Record<ActivityKind, string>> = {
  'zh-CN': {
    call: '电话沟通',
    email: '邮件往来',
    meeting: '会议',
    visit: '拜访',
    wechat: '微信沟通',
    wecom: '企业微信沟通',
  },
  en: {
    call: 'Call with',
    email: 'Email with',
    meeting: 'Meeting with',
    visit: 'Visit to',
    wechat: 'WeChat with',
    wecom: 'WeCom chat with',
  },
};

/** How much of the notes the subject quotes. */
export const notesExcerptMaxChars = 24;

/**
 * The start of the notes: the first non-empty line, cut at a word boundary (or anywhere in text
 * without spaces, such as Chinese) after at most `max` characters, with an ellipsis when cut.
 */
export function notesExcerpt(minutes: string | null | undefined, max = notesExcerptMaxChars): string {
  const line =
    (minutes ?? '')
      .split(/\r?\n/)
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .find((l) => l.length > 0) ?? '';
  const chars = [...line];
  if (chars.length <= max) return line;
  const head = chars.slice(0, max).join('');
  const space = head.lastIndexOf(' ');
  const cut = space >= max / 2 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,.;:，。；：、]+$/u, '')}…`;
}

/**
 * The subject shown for an activity logged without one, in the reader's language:
 * "微信沟通 · 张经理（宁波海星物流）：明天出两个柜…" / "WeChat with 张经理 (宁波海星物流): 明天出两个柜…".
 * Only the fixed words are translated; names and notes are the user's own text. Never stored, so an
 * English reader never sees it in Chinese.
 */
export function derivedActivitySubject(parts: ActivitySubjectParts, locale: Locale): string {
  const phrase = kindPhrases[locale][parts.kind] ?? parts.kind;
  const excerpt = notesExcerpt(parts.minutes);
  const contact = parts.contactName?.trim();
  if (locale === 'en') {
    const who = contact ? `${contact} (${parts.customerName})` : parts.customerName;
    return excerpt ? `${phrase} ${who}: ${excerpt}` : `${phrase} ${who}`;
  }
  const who = contact ? `${contact}（${parts.customerName}）` : parts.customerName;
  return excerpt ? `${phrase} · ${who}：${excerpt}` : `${phrase} · ${who}`;
}

/** The subject to show: what was entered, or the derived one. */
export function activityDisplaySubject(
  subject: string | null | undefined,
  parts: ActivitySubjectParts,
  locale: Locale,
): string {
  return subject?.trim() ? subject : derivedActivitySubject(parts, locale);
}
