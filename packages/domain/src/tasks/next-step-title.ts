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
