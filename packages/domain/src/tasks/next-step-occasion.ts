import { addWholeDays } from '../platform/time';
import type { NextStepRuleKind } from './next-step-schemas';

export interface NextStepRuleTiming {
  stageKey: string;
  kind: NextStepRuleKind;
  days: number;
  enabled: boolean;
}

export interface OpportunityTiming {
  stageKey: string;
  /** open, won or lost. */
  status: string;
  stageEnteredAt: Date;
  lastActivityAt: Date | null;
}

/** One reason for a next-step task: it starts when the silence starts and is due `days` later. */
export interface NextStepOccasion {
  startsAt: Date;
  dueAt: Date;
}

/**
 * The occasion a rule has on an opportunity right now, whether due or not; null when the rule
 * does not apply (other stage, closed, disabled, or for `no_answer` an activity since entering
 * the stage). A new activity or a new stage entry starts a new occasion; each occasion makes at
 * most one task. Days are whole 24-hour periods. The scheduled job computes the same in SQL.
 */
export function nextStepOccasion(rule: NextStepRuleTiming, opportunity: OpportunityTiming): NextStepOccasion | null {
  if (!rule.enabled || opportunity.status !== 'open' || opportunity.stageKey !== rule.stageKey) return null;
  const entered = opportunity.stageEnteredAt.getTime();
  const last = opportunity.lastActivityAt?.getTime() ?? null;
  let start: number;
  if (rule.kind === 'no_answer') {
    if (last !== null && last >= entered) return null;
    start = entered;
  } else {
    start = last === null ? entered : Math.max(entered, last);
  }
  return { startsAt: new Date(start), dueAt: addWholeDays(new Date(start), rule.days) };
}

/** The occasion if it is due at `now` (due time included), else null. */
export function dueNextStep(
  rule: NextStepRuleTiming,
  opportunity: OpportunityTiming,
  now: Date,
): NextStepOccasion | null {
  const occasion = nextStepOccasion(rule, opportunity);
  return occasion && occasion.dueAt.getTime() <= now.getTime() ? occasion : null;
}
