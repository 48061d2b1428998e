import { addWholeDays } from '../platform/time';
import type { PoolReturnRule, PoolRuleInput } from './pool-schemas';

export interface OwnedCustomerClock {
  ownerSince: Date | null;
  createdAt: Date;
  protectedUntil: Date | null;
  lastFollowUpAt: Date | null;
  lastDealAt: Date | null;
  poolWarnedAt: Date | null;
}

const later = (...dates: (Date | null)[]): Date | null =>
  dates.reduce<Date | null>((max, d) => (d && (!max || d > max) ? d : max), null);

/**
 * When an owned customer becomes due for the pool under a rule, and which condition makes it due:
 * idle time counts from the later of the last follow-up (or deal) and when the owner got it, a
 * condition set to null is off, and the protection period comes first. Days are whole 24-hour
 * periods. null: never (rule off or no condition). The scheduled sweep computes the same in SQL.
 */
export function poolDueAt(c: OwnedCustomerClock, rule: PoolRuleInput): { at: Date; rule: PoolReturnRule } | null {
  if (!rule.enabled) return null;
  const since = c.ownerSince ?? c.createdAt;
  const candidates: { at: Date; rule: PoolReturnRule }[] = [];
  if (rule.noFollowUpDays !== null) {
    const base = later(c.lastFollowUpAt, since) as Date;
    candidates.push({ at: addWholeDays(base, rule.noFollowUpDays), rule: 'no_follow_up' });
  }
  if (rule.noDealDays !== null) {
    const base = later(c.lastDealAt, since) as Date;
    candidates.push({ at: addWholeDays(base, rule.noDealDays), rule: 'no_deal' });
  }
  const first = candidates.sort((a, b) => a.at.getTime() - b.at.getTime())[0];
  if (!first) return null;
  return { at: later(c.protectedUntil, first.at) as Date, rule: first.rule };
}

/**
 * When the customer actually returns: at its due time, but never before the owner has had
 * `warnDaysBefore` days' notice (a warning counts for the current due time only).
 */
export function poolReturnAt(c: OwnedCustomerClock, rule: PoolRuleInput, now: Date): Date | null {
  const due = poolDueAt(c, rule);
  if (!due) return null;
  if (rule.warnDaysBefore === 0) return due.at;
  const warnFrom = addWholeDays(due.at, -rule.warnDaysBefore);
  const warnedAt = c.poolWarnedAt && c.poolWarnedAt >= warnFrom ? c.poolWarnedAt : later(warnFrom, now);
  return later(due.at, addWholeDays(warnedAt as Date, rule.warnDaysBefore));
}
