import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createInquiryInputSchema, createOpportunityInputSchema } from './index';
import {
  inquiryTitle,
  parseLaneFilter,
  planStages,
  type StageDefinition,
  stageKeyFromName,
  stageOutcome,
  weightedSum,
  weightedTotals,
  winRate,
} from './pipeline-rules';

const seed = 20_261_125;
const defaults: StageDefinition[] = [
  { key: 'inquiry', nameZh: '询价', nameEn: 'Inquiry', probability: 10, position: 1, kind: 'open', active: true },
  { key: 'proposal', nameZh: '报价', nameEn: 'Proposal', probability: 30, position: 2, kind: 'open', active: true },
  {
    key: 'negotiation',
    nameZh: '谈判',
    nameEn: 'Negotiation',
    probability: 60,
    position: 3,
    kind: 'open',
    active: true,
  },
  { key: 'won', nameZh: '赢单', nameEn: 'Won', probability: 100, position: 4, kind: 'won', active: true },
  { key: 'lost', nameZh: '丢单', nameEn: 'Lost', probability: 0, position: 5, kind: 'lost', active: true },
];
const asItem = (s: StageDefinition) => ({
  key: s.key,
  nameZh: s.nameZh,
  nameEn: s.nameEn,
  probability: s.probability,
  active: s.active,
});

describe('entering a stage', () => {
  it('takes the stage probability unless one is given, and closes on won and lost', () => {
    expect(stageOutcome({ kind: 'open', probability: 30 }, {})).toEqual({
      ok: true,
      status: 'open',
      probability: 30,
      closed: false,
      lostReasonId: null,
    });
    expect(stageOutcome({ kind: 'open', probability: 30 }, { probability: 45 })).toMatchObject({ probability: 45 });
    expect(stageOutcome({ kind: 'won', probability: 100 }, { lostReasonId: 'r' })).toMatchObject({
      status: 'won',
      closed: true,
      lostReasonId: null,
    });
    expect(stageOutcome({ kind: 'lost', probability: 0 }, {})).toEqual({
      ok: false,
      field: 'lostReasonId',
      code: 'opportunity.lost_reason_required',
    });
    expect(stageOutcome({ kind: 'lost', probability: 0 }, { lostReasonId: 'r' })).toMatchObject({
      status: 'lost',
      closed: true,
      lostReasonId: 'r',
    });
  });

  it('never closes an open stage, never loses without a reason, never keeps a reason outside lost', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('open', 'won', 'lost' as const),
        fc.integer({ min: 0, max: 100 }),
        fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        fc.option(fc.uuid(), { nil: null }),
        (kind, stageProbability, probability, lostReasonId) => {
          const outcome = stageOutcome({ kind, probability: stageProbability }, { probability, lostReasonId });
          if (!outcome.ok) return kind === 'lost' && !lostReasonId;
          return (
            outcome.status === kind &&
            outcome.closed === (kind !== 'open') &&
            outcome.probability === (probability ?? stageProbability) &&
            (outcome.lostReasonId !== null) === (kind === 'lost')
          );
        },
      ),
      { seed },
    );
  });
});

describe('pipeline numbers', () => {
  it('win rate is won / (won + lost), null while nothing closed', () => {
    expect(winRate(0, 0)).toBeNull();
    expect(winRate(1, 1)).toBe(0.5);
    expect(winRate(1, 2)).toBe(0.3333);
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), (won, lost) => {
        const rate = winRate(won, lost);
        if (won + lost === 0) return rate === null;
        return rate !== null && rate >= 0 && rate <= 1 && (won === 0) === (rate === 0) && (lost === 0) === (rate === 1);
      }),
      { seed },
    );
  });

  it('weights amounts by probability to the cent, and never exceeds the plain sum', () => {
    expect(
      weightedSum([
        { amount: 100_000, probability: 30 },
        { amount: 10_000, probability: 55 },
      ]),
    ).toBe(35_500);
    expect(weightedSum([{ amount: 0.1, probability: 10 }])).toBe(0.01);
    expect(
      weightedTotals([
        { money: { amount: '0.10', currency: 'USD' }, probability: 10 },
        { money: { amount: '100000.00', currency: 'CNY' }, probability: 55 },
        { money: { amount: '0.10', currency: 'USD' }, probability: 45 },
        { money: { amount: '1001', currency: 'JPY' }, probability: 50 },
      ]),
    ).toEqual([
      { amount: '55000.00', currency: 'CNY' },
      { amount: '501', currency: 'JPY' },
      { amount: '0.06', currency: 'USD' },
    ]);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ amount: fc.integer({ min: 0, max: 10_000_000 }), probability: fc.integer({ min: 0, max: 100 }) }),
        ),
        (items) => {
          const total = items.reduce((sum, item) => sum + item.amount, 0);
          const weighted = weightedSum(items);
          return weighted >= 0 && weighted <= total && Number.isInteger(Math.round(weighted * 100));
        },
      ),
      { seed },
    );
  });
});

describe('inquiry titles and lane filters', () => {
  it('names an opened opportunity after its lane and mode in the caller language', () => {
    expect(inquiryTitle({ pol: 'CNSHA', pod: 'USLAX', mode: 'fcl' }, 'zh-CN')).toBe('CNSHA→USLAX FCL 询价');
    expect(inquiryTitle({ pol: 'CNSHA', pod: 'USLAX', mode: 'air' }, 'zh-CN')).toBe('CNSHA→USLAX 空运 询价');
    expect(inquiryTitle({ pol: 'CNNGB', pod: 'DEHAM', mode: 'rail' }, 'en')).toBe('CNNGB→DEHAM Rail inquiry');
  });

  it('reads POL or POL-POD', () => {
    expect(parseLaneFilter('cnsha')).toEqual({ pol: 'CNSHA' });
    expect(parseLaneFilter('CNSHA-USLAX')).toEqual({ pol: 'CNSHA', pod: 'USLAX' });
  });

  it('accepts modes in either case and ports as UN/LOCODEs', () => {
    const parsed = createInquiryInputSchema.parse({
      customerId: '0190a000-0000-7000-8000-000000000001',
      pol: 'cnsha',
      pod: 'USLAX',
      mode: 'FCL',
    });
    expect(parsed).toMatchObject({ pol: 'CNSHA', pod: 'USLAX', mode: 'fcl' });
    const bad = createInquiryInputSchema.safeParse({ customerId: 'x', pol: 'ZZSHA', pod: 'USLAX', mode: 'boat' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['customerId', 'pol', 'mode']);
  });

  it('wants money as an amount with its currency and a real calendar day', () => {
    const base = { title: 'x', customerId: '0190a000-0000-7000-8000-000000000001', source: 'referral' };
    expect(createOpportunityInputSchema.safeParse({ ...base, expectedRevenue: 1 }).success).toBe(false);
    expect(
      createOpportunityInputSchema.parse({ ...base, expectedRevenue: { amount: '1200.5', currency: 'usd' } })
        .expectedRevenue,
    ).toEqual({ amount: '1200.50', currency: 'USD' });
    expect(
      createOpportunityInputSchema.safeParse({ ...base, expectedRevenue: { amount: '-1', currency: 'USD' } }).error
        ?.issues[0],
    ).toMatchObject({ path: ['expectedRevenue', 'amount'], message: 'money.amount_negative' });
    expect(
      createOpportunityInputSchema.parse({ ...base, expectedMargin: { amount: '-10', currency: 'CNY' } })
        .expectedMargin,
    ).toEqual({ amount: '-10.00', currency: 'CNY' });
    expect(
      createOpportunityInputSchema.safeParse({
        ...base,
        expectedRevenue: { amount: '100000000000000', currency: 'USD' },
      }).success,
    ).toBe(false);
    expect(createOpportunityInputSchema.safeParse({ ...base, expectedCloseDate: '2031-02-30' }).success).toBe(false);
    expect(createOpportunityInputSchema.safeParse({ ...base, expectedCloseDate: '0001-01-01' }).success).toBe(false);
    expect(createOpportunityInputSchema.safeParse({ ...base, expectedCloseDate: '2031-02-28' }).success).toBe(true);
  });
});

describe('configuring the stages', () => {
  it('derives keys from English names', () => {
    expect(stageKeyFromName('Site visit')).toBe('site_visit');
    expect(stageKeyFromName('2nd offer')).toBe('s_2nd_offer');
    expect(stageKeyFromName('报价')).toBe('stage');
  });

  it('keeps the defaults as they are when sent back unchanged', () => {
    const plan = planStages(defaults, defaults.map(asItem), () => 0);
    expect(plan).toEqual({ ok: true, stages: defaults.map((s) => ({ ...s, isNew: false })) });
  });

  const configItem = fc.record({
    key: fc.option(fc.constantFrom('inquiry', 'proposal', 'negotiation', 'won', 'lost', 'visit', 'trial'), {
      nil: undefined,
    }),
    nameZh: fc.constantFrom('阶段', '拜访', '试单'),
    nameEn: fc.constantFrom('Stage', 'Visit', 'Trial order', '42'),
    probability: fc.integer({ min: 0, max: 100 }),
    active: fc.boolean(),
  });

  it('always ends with won and lost, keeps every stage, numbers them in order and keeps one open stage', () => {
    fc.assert(
      fc.property(
        fc.array(configItem, { minLength: 1, maxLength: 12 }),
        fc.subarray(['inquiry', 'proposal', 'negotiation']),
        (items, busy) => {
          const plan = planStages(defaults, items, (key) => (busy.includes(key) ? 1 : 0));
          if (!plan.ok) return true;
          const keys = plan.stages.map((s) => s.key);
          const open = plan.stages.filter((s) => s.kind === 'open');
          const closed = plan.stages.slice(-2);
          const firstInactive = open.findIndex((s) => !s.active);
          const checks = [
            closed[0]?.kind === 'won' && closed[1]?.kind === 'lost',
            plan.stages.slice(0, -2).every((s) => s.kind === 'open'),
            closed.every((s) => s.active && s.probability === (s.kind === 'won' ? 100 : 0)),
            defaults.every((d) => keys.includes(d.key)),
            new Set(keys).size === keys.length,
            keys.every((k) => /^[a-z][a-z0-9_]{0,39}$/.test(k)),
            plan.stages.every((s, i) => s.position === i + 1),
            open.some((s) => s.active),
            // Active open stages come before deactivated ones.
            firstInactive === -1 || open.slice(firstInactive).every((s) => !s.active),
            // A stage holding open opportunities stays active.
            busy.every((key) => plan.stages.find((s) => s.key === key)?.active),
          ];
          return checks.every(Boolean);
        },
      ),
      { seed },
    );
  });

  it('refuses what would break the pipeline', () => {
    const items = defaults.map(asItem);
    expect(planStages(defaults, [...items, items[0] as (typeof items)[number]], () => 0)).toMatchObject({
      ok: false,
      field: 'items.5.key',
      code: 'opportunity.stage_key_duplicate',
    });
    expect(planStages(defaults, [{ ...(items[3] as (typeof items)[number]), probability: 90 }], () => 0)).toMatchObject(
      {
        ok: false,
        field: 'items.0.probability',
        code: 'opportunity.closed_stage_fixed',
      },
    );
    expect(planStages(defaults, [items[3] as (typeof items)[number]], () => 0)).toMatchObject({
      ok: false,
      code: 'opportunity.stage_open_required',
    });
    expect(
      planStages(defaults, [items[0] as (typeof items)[number]], (key) => (key === 'proposal' ? 2 : 0)),
    ).toMatchObject({
      ok: false,
      status: 409,
      code: 'opportunity.stage_in_use',
    });
  });
});
