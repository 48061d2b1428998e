import { inquiryTitle } from '../opportunities/pipeline-rules';
import type { Locale } from '../platform/locale';
import type { NextStepRuleKind } from './next-step-schemas';

/** The title of a task a next-step rule makes when the rule names none, in the owner's language. */
export function nextStepTaskTitle(kind: NextStepRuleKind, days: number, opportunity: string, locale: Locale): string {
  if (locale === 'en') {
    return kind === 'no_answer'
      ? `Chase an answer on ${opportunity} (no reply for ${days} days)`
      : `Follow up on ${opportunity} (no activity for ${days} days)`;
  }
  return kind === 'no_answer'
    ? `跟进 ${opportunity} 的回复（${days} 天未回复）`
    : `跟进商机 ${opportunity}（${days} 天无活动）`;
}

/**
 * What a title the product made itself is made of, stored beside the title so each reader sees it
 * in their own language: an inquiry's opportunity (its lane) or a next-step task (rule kind, days
 * and the opportunity's title, with that title's own parts when the product made it too).
 */
export type SystemTitleParts =
  | { key: 'inquiry'; params: { pol: string; pod: string; mode: string } }
  | {
      key: 'nextStep';
      params: { kind: NextStepRuleKind; days: number; opportunity: string; opportunityParts?: SystemTitleParts | null };
    };

/** A system-made title in `locale`, or null when the parts are missing or not understood (then show the stored title). */
export function systemTitle(parts: unknown, locale: Locale): string | null {
  if (!parts || typeof parts !== 'object') return null;
  const { key, params } = parts as { key?: unknown; params?: Record<string, unknown> };
  if (!params || typeof params !== 'object') return null;
  if (key === 'inquiry') {
    const { pol, pod, mode } = params;
    if (typeof pol !== 'string' || typeof pod !== 'string' || typeof mode !== 'string') return null;
    return inquiryTitle({ pol, pod, mode }, locale);
  }
  if (key === 'nextStep') {
    const { kind, days, opportunity, opportunityParts } = params;
    if ((kind !== 'no_answer' && kind !== 'no_activity') || typeof days !== 'number' || typeof opportunity !== 'string')
      return null;
    const name = systemTitle(opportunityParts, locale) ?? opportunity;
    return nextStepTaskTitle(kind, days, name, locale);
  }
  return null;
}

/**
 * What a reader sees of a title that may be system-made: `systemTitle` in their language when the parts are
 * understood, else the title as stored. Every path that shows an opportunity's or a task's title goes through here.
 */
export function readerTitle(stored: string, parts: unknown, locale: Locale): string {
  return systemTitle(parts, locale) ?? stored;
}

/**
 * The columns an edit of a title writes: none when a system-made title comes back as stored or as the
 * editor read it (a form that sends every field), else the new text, which from then on is the
 * editor's own and no longer made of parts.
 */
export function titleEditPatch(
  next: string,
  current: { title: string; titleParts: unknown },
  locale: Locale,
): { title: string; titleParts: null } | Record<string, never> {
  if (current.titleParts && (next === current.title || next === systemTitle(current.titleParts, locale))) return {};
  return { title: next, titleParts: null };
}
