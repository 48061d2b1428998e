import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueNextStep, nextStepOccasion } from './next-step-occasion';

const day = 86_400_000;
const t0 = new Date('2026-05-04T08:00:00Z');
const at = (days: number) => new Date(t0.getTime() + days * day);
const noActivity = { stageKey: 'inquiry', kind: 'no_activity' as const, days: 2, enabled: true };
const noAnswer = { stageKey: 'proposal', kind: 'no_answer' as const, days: 3, enabled: true };
const inInquiry = { stageKey: 'inquiry', status: 'open', stageEnteredAt: t0, lastActivityAt: null };
const inProposal = { stageKey: 'proposal', status: 'open', stageEnteredAt: t0, lastActivityAt: null };

describe('next-step rule occasions', () => {
  it('is due exactly N days after entering the stage when nothing happened, not a millisecond before', () => {
    expect(dueNextStep(noActivity, inInquiry, new Date(at(2).getTime() - 1))).toBeNull();
    expect(dueNextStep(noActivity, inInquiry, at(2))).toEqual({ startsAt: t0, dueAt: at(2) });
    expect(dueNextStep(noAnswer, inProposal, at(3))).toEqual({ startsAt: t0, dueAt: at(3) });
    expect(dueNextStep(noAnswer, inProposal, new Date(at(3).getTime() - 1))).toBeNull();
  });

  it('counts no_activity from the later of the stage entry and the last activity', () => {
    const talked = { ...inInquiry, lastActivityAt: at(1.5) };
    expect(nextStepOccasion(noActivity, talked)).toEqual({ startsAt: at(1.5), dueAt: at(3.5) });
    expect(dueNextStep(noActivity, talked, at(3))).toBeNull();
    // An activity from before the stage was entered does not push the occasion back.
    const before = { ...inInquiry, lastActivityAt: at(-4) };
    expect(nextStepOccasion(noActivity, before)).toEqual({ startsAt: t0, dueAt: at(2) });
  });

  it('does not fire no_answer once anything happened since entering the stage', () => {
    expect(nextStepOccasion(noAnswer, { ...inProposal, lastActivityAt: at(0.5) })).toBeNull();
    // An activity at the very moment of entering counts as an answer; one before does not.
    expect(nextStepOccasion(noAnswer, { ...inProposal, lastActivityAt: t0 })).toBeNull();
    expect(nextStepOccasion(noAnswer, { ...inProposal, lastActivityAt: at(-1) })).toEqual({
      startsAt: t0,
      dueAt: at(3),
    });
  });

  it('ignores other stages, closed opportunities and disabled rules', () => {
    expect(nextStepOccasion(noActivity, inProposal)).toBeNull();
    expect(nextStepOccasion(noActivity, { ...inInquiry, status: 'won' })).toBeNull();
    expect(nextStepOccasion({ ...noActivity, enabled: false }, inInquiry)).toBeNull();
  });

  it('gives every occasion a start no earlier than the stage entry and a due time N whole days later', () => {
    const instant = fc.integer({ min: 0, max: 400 * day }).map((ms) => new Date(t0.getTime() - 200 * day + ms));
    fc.assert(
      fc.property(
        fc.constantFrom('no_activity' as const, 'no_answer' as const),
        fc.integer({ min: 1, max: 365 }),
        instant,
        fc.option(instant, { nil: null }),
        instant,
        (kind, days, stageEnteredAt, lastActivityAt, now) => {
          const rule = { stageKey: 's', kind, days, enabled: true };
          const opportunity = { stageKey: 's', status: 'open', stageEnteredAt, lastActivityAt };
          const occasion = nextStepOccasion(rule, opportunity);
          if (occasion) {
            expect(occasion.startsAt.getTime()).toBeGreaterThanOrEqual(stageEnteredAt.getTime());
            if (lastActivityAt) expect(occasion.startsAt.getTime()).toBeGreaterThanOrEqual(lastActivityAt.getTime());
            expect(occasion.dueAt.getTime() - occasion.startsAt.getTime()).toBe(days * day);
          } else {
            expect(kind).toBe('no_answer');
            expect(lastActivityAt?.getTime()).toBeGreaterThanOrEqual(stageEnteredAt.getTime());
          }
          const due = dueNextStep(rule, opportunity, now);
          expect(due !== null).toBe(occasion !== null && occasion.dueAt.getTime() <= now.getTime());
          // A later activity only ever moves a no_activity occasion forward (never fires it sooner).
          if (kind === 'no_activity' && occasion) {
            const later = new Date(Math.max(now.getTime(), occasion.startsAt.getTime()) + 1);
            const moved = nextStepOccasion(rule, { ...opportunity, lastActivityAt: later });
            expect(moved?.dueAt.getTime()).toBeGreaterThan(occasion.dueAt.getTime());
          }
        },
      ),
      { seed: 20_260_504, numRuns: 500 },
    );
  });
});
