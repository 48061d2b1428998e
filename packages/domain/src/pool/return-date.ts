import { addWholeDays } from '../platform/time';
import type { PoolReturnRule, PoolRuleInput } from './pool-schemas';

export interface OwnedCustomerClock {
  ownerSince: Date | null;
  createdAt: Date;
  protectedUntil: Date | null;
  lastFollowUpAt: Date | null;
  lastDealAt: Date | null;
  poolWarnedAt: Date | null;
  /** For the rule's exemptions; a customer given without them is not exempt. */
  roles?: readonly string[];
  relationshipType?: string | null;
}

/** A rule as far as the return date needs it; without exemptions nobody is exempt. */
export type PoolDueRule = Omit<PoolRuleInput, 'exemptRoles' | 'exemptRelationships'> &
  Partial<Pick<PoolRuleInput, 'exemptRoles' | 'exemptRelationships'>>;

/**
 * Whether a rule exempts a customer from automatic return: every role of theirs is exempt (a consignee only,
 * an agent and carrier), or their relationship is (strategic). The sweep says the same in SQL.
 */
export function isPoolExempt(c: Pick<OwnedCustomerClock, 'roles' | 'relationshipType'>, rule: PoolDueRule): boolean {
  const roles = c.roles ?? [];
  const exemptRoles: readonly string[] = rule.exemptRoles ?? [];
  if (roles.length > 0 && roles.every((role) => exemptRoles.includes(role))) return true;
  const relationships: readonly string[] = rule.exemptRelationships ?? [];
  return !!c.relationshipType && relationships.includes(c.relationshipType);
}

const later = (...dates: (Date | null)[]): Date | null =>
  dates.reduce<Date | null>((max, d) => (d && (!max || d > max) ? d : max), null);

/**
 * When an owned customer becomes due for the pool under a rule, and which condition makes it due:
 * idle time counts from the later of the last follow-up (or deal) and when the owner got it, a
 * condition set to null is off, and the protection period comes first. Days are whole 24-hour
 * periods. null: never (rule off, no condition, or the customer exempt). The scheduled sweep computes the same in SQL.
 */
export function poolDueAt(c: OwnedCustomerClock, rule: PoolDueRule): { at: Date; rule: PoolReturnRule } | null {
  if (!rule.enabled || isPoolExempt(c, rule)) return null;
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
