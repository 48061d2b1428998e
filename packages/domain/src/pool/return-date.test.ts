import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPoolRule } from './pool-schemas';
import { poolDueAt, poolReturnAt } from './return-date';

const day = 86_400_000;
const t0 = new Date('2026-03-01T00:00:00Z');
const at = (days: number) => new Date(t0.getTime() + days * day);
const rule = {
  ...defaultPoolRule,
  enabled: true,
  protectionDays: 5,
  noFollowUpDays: 10,
  noDealDays: 60,
  warnDaysBefore: 3,
};
const clock = {
  ownerSince: t0,
  createdAt: at(-100),
  protectedUntil: at(5),
  lastFollowUpAt: null,
  lastDealAt: null,
  poolWarnedAt: null,
};

describe('pool due and return dates', () => {
  it('counts idle time from the later of the last follow-up and owner since', () => {
    expect(poolDueAt(clock, rule)).toEqual({ at: at(10), rule: 'no_follow_up' });
    expect(poolDueAt({ ...clock, lastFollowUpAt: at(4) }, rule)?.at).toEqual(at(14));
    expect(poolDueAt({ ...clock, lastFollowUpAt: at(-50) }, rule)?.at).toEqual(at(10));
  });

  it('uses the earlier condition, skips conditions that are off, and honours protection', () => {
    expect(poolDueAt(clock, { ...rule, noFollowUpDays: null })).toEqual({ at: at(60), rule: 'no_deal' });
    expect(poolDueAt(clock, { ...rule, noFollowUpDays: null, noDealDays: null })).toBeNull();
    expect(poolDueAt(clock, { ...rule, enabled: false })).toBeNull();
    expect(poolDueAt({ ...clock, protectedUntil: at(30) }, rule)?.at).toEqual(at(30));
  });

  it('falls back to the creation date when owner since is unknown', () => {
    expect(poolDueAt({ ...clock, ownerSince: null, protectedUntil: null }, rule)?.at).toEqual(at(-90));
  });

  it('never returns before the owner has had the full warning period', () => {
    expect(poolReturnAt(clock, rule, at(0))).toEqual(at(10));
    expect(poolReturnAt({ ...clock, poolWarnedAt: at(8) }, rule, at(8))).toEqual(at(11));
    // Long overdue when the rule is switched on: a warning now, the return three days later.
    expect(poolReturnAt({ ...clock, ownerSince: at(-100), protectedUntil: null }, rule, at(0))).toEqual(at(3));
    expect(poolReturnAt(clock, { ...rule, warnDaysBefore: 0 }, at(50))).toEqual(at(10));
  });

  it('is never earlier than the due date nor before a full notice period (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -200, max: 200 }),
        fc.option(fc.integer({ min: -200, max: 200 })),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: -200, max: 400 }),
        (since, followUp, warn, now) => {
          const c = { ...clock, ownerSince: at(since), lastFollowUpAt: followUp === null ? null : at(followUp) };
          const r = { ...rule, warnDaysBefore: warn };
          const due = poolDueAt(c, r)?.at as Date;
          const ret = poolReturnAt(c, r, at(now)) as Date;
          expect(ret.getTime()).toBeGreaterThanOrEqual(due.getTime());
          // Not warned yet: the warning goes out no earlier than now, so the owner gets the full notice.
          if (warn > 0) expect(ret.getTime()).toBeGreaterThanOrEqual(at(now).getTime() + warn * day);
        },
      ),
    );
  });
});

describe('pool exemptions', () => {
  const rule = { exemptRoles: ['consignee', 'carrier'] as const, exemptRelationships: ['strategic'] as const };
  it('exempts a customer whose every role is exempt, or whose relationship is', async () => {
    const { isPoolExempt } = await import('./return-date');
    const r = { exemptRoles: [...rule.exemptRoles], exemptRelationships: [...rule.exemptRelationships] } as never;
    expect(isPoolExempt({ roles: ['consignee'] }, r)).toBe(true);
    expect(isPoolExempt({ roles: ['consignee', 'carrier'] }, r)).toBe(true);
    expect(isPoolExempt({ roles: ['consignee', 'shipper'] }, r)).toBe(false);
    expect(isPoolExempt({ roles: [] }, r)).toBe(false);
    expect(isPoolExempt({ roles: ['shipper'], relationshipType: 'strategic' }, r)).toBe(true);
    expect(isPoolExempt({ roles: ['consignee'] }, {} as never)).toBe(false);
  });
});
