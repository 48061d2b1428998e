import { MoneyDecimal, type MoneyJson, storedMoneyJson } from '../money/money';
import type { Locale } from '../platform/locale';
import type { OpportunityErrorCode } from './error-messages';
import type { OpportunityStatus, TransportMode } from './opportunity-schemas';
import type { StageConfigItem, StageKind } from './stage-schemas';

/** What entering a stage does to an opportunity: its status, probability and whether it is closed. */
export type StageOutcome =
  | {
      ok: true;
      status: OpportunityStatus;
      probability: number;
      closed: boolean;
      lostReasonId: string | null;
    }
  | { ok: false; field: 'lostReasonId'; code: 'opportunity.lost_reason_required' };

/**
 * Entering a stage: the probability follows the stage's default unless one is given; won and lost
 * close the opportunity, lost only with a reason; an open stage reopens it and forgets the reason.
 */
export function stageOutcome(
  stage: { kind: StageKind; probability: number },
  given: { probability?: number; lostReasonId?: string | null },
): StageOutcome {
  const probability = given.probability ?? stage.probability;
  if (stage.kind === 'lost') {
    if (!given.lostReasonId) return { ok: false, field: 'lostReasonId', code: 'opportunity.lost_reason_required' };
    return { ok: true, status: 'lost', probability, closed: true, lostReasonId: given.lostReasonId };
  }
  return { ok: true, status: stage.kind, probability, closed: stage.kind === 'won', lostReasonId: null };
}

/** won / (won + lost), to four decimals; null while nothing is closed. */
export function winRate(won: number, lost: number): number | null {
  const closed = won + lost;
  return closed === 0 ? null : Math.round((won / closed) * 10_000) / 10_000;
}

/** Σ amount × probability / 100 over a set of opportunities, to the cent. */
export function weightedSum(items: { amount: number; probability: number }[]): number {
  const cents = items.reduce((sum, item) => sum + item.amount * item.probability, 0);
  return Math.round(cents) / 100;
}

/**
 * The weighted amounts (Σ amount × probability / 100) per currency, rounded half up to each currency's minor
 * units once, at the end; currencies are never added together. Sorted by currency.
 */
export function weightedTotals(items: { money: MoneyJson; probability: number }[]): MoneyJson[] {
  const sums = new Map<string, MoneyDecimal>();
  for (const { money, probability } of items) {
    const weighted = new MoneyDecimal(money.amount).times(probability).dividedBy(100);
    sums.set(money.currency, (sums.get(money.currency) ?? new MoneyDecimal(0)).plus(weighted));
  }
  return [...sums]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, sum]) => storedMoneyJson(sum, currency) as MoneyJson);
}

const modeLabels: Record<TransportMode, Record<Locale, string>> = {
  fcl: { 'zh-CN': 'FCL', en: 'FCL' },
  lcl: { 'zh-CN': 'LCL', en: 'LCL' },
  air: { 'zh-CN': '空运', en: 'Air' },
  rail: { 'zh-CN': '铁路', en: 'Rail' },
  road: { 'zh-CN': '陆运', en: 'Road' },
  express: { 'zh-CN': '快递', en: 'Express' },
};

export function transportModeLabel(mode: string, locale: Locale): string {
  return Object.hasOwn(modeLabels, mode) ? modeLabels[mode as TransportMode][locale] : mode.toUpperCase();
}

/** The title of an opportunity opened by an inquiry, e.g. "CNSHA→USLAX FCL 询价". */
export function inquiryTitle(lane: { pol: string; pod: string; mode: string }, locale: Locale): string {
  const word = locale === 'en' ? 'inquiry' : '询价';
  return `${lane.pol}→${lane.pod} ${transportModeLabel(lane.mode, locale)} ${word}`;
}

/** `CNSHA` → {pol}; `CNSHA-USLAX` → {pol, pod}. */
export function parseLaneFilter(lane: string): { pol: string; pod?: string } {
  const [pol = '', pod] = lane.toUpperCase().split('-');
  return pod ? { pol, pod } : { pol };
}

export function stageDisplayName(stage: { nameZh: string; nameEn: string }, locale: Locale): string {
  return locale === 'en' ? stage.nameEn : stage.nameZh;
}

export interface StageDefinition {
  key: string;
  nameZh: string;
  nameEn: string;
  probability: number;
  position: number;
  kind: StageKind;
  active: boolean;
}

export type StagePlan =
  | { ok: true; stages: (StageDefinition & { isNew: boolean })[] }
  | { ok: false; status: 409 | 422; field: string; code: OpportunityErrorCode };

/** A stage key from an English name: "Site visit" → site_visit. */
export function stageKeyFromName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 36);
  if (!slug) return 'stage';
  return /^[a-z]/.test(slug) ? slug : `s_${slug}`.slice(0, 36);
}

/**
 * The pipeline after a configuration: the open stages in the order given (active ones first),
 * then won and lost, which always stay. Open stages left out are deactivated, never deleted; a
 * stage that still holds open opportunities cannot be deactivated.
 */
export function planStages(
  existing: StageDefinition[],
  items: StageConfigItem[],
  openOpportunitiesIn: (key: string) => number,
): StagePlan {
  const byKey = new Map(existing.map((s) => [s.key, s]));
  const seen = new Set<string>();
  for (const [i, item] of items.entries()) {
    if (item.key === undefined) continue;
    if (seen.has(item.key))
      return { ok: false, status: 422, field: `items.${i}.key`, code: 'opportunity.stage_key_duplicate' };
    seen.add(item.key);
  }
  const taken = new Set([...existing.map((s) => s.key), ...seen]);
  const open: (StageDefinition & { isNew: boolean })[] = [];
  const closed = new Map<string, StageDefinition>();
  for (const [i, item] of items.entries()) {
    const current = item.key === undefined ? undefined : byKey.get(item.key);
    if (current && current.kind !== 'open') {
      if (item.probability !== current.probability) {
        return { ok: false, status: 422, field: `items.${i}.probability`, code: 'opportunity.closed_stage_fixed' };
      }
      if (!item.active) {
        return { ok: false, status: 422, field: `items.${i}.active`, code: 'opportunity.closed_stage_fixed' };
      }
      closed.set(current.key, { ...current, nameZh: item.nameZh, nameEn: item.nameEn });
      continue;
    }
    let key = item.key;
    if (key === undefined) {
      const base = stageKeyFromName(item.nameEn);
      key = base;
      for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
      taken.add(key);
    }
    open.push({
      key,
      nameZh: item.nameZh,
      nameEn: item.nameEn,
      probability: item.probability,
      position: 0,
      kind: 'open',
      active: item.active,
      isNew: !current,
    });
  }
  const listed = new Set(open.map((s) => s.key));
  const omitted = existing
    .filter((s) => s.kind === 'open' && !listed.has(s.key))
    .sort((a, b) => a.position - b.position)
    .map((s) => ({ ...s, active: false, isNew: false }));
  const openStages = [...open.filter((s) => s.active), ...open.filter((s) => !s.active), ...omitted];
  if (!openStages.some((s) => s.active)) {
    return { ok: false, status: 422, field: 'items', code: 'opportunity.stage_open_required' };
  }
  for (const stage of openStages) {
    if (!stage.active && byKey.get(stage.key)?.active && openOpportunitiesIn(stage.key) > 0) {
      const i = items.findIndex((item) => item.key === stage.key);
      return { ok: false, status: 409, field: i >= 0 ? `items.${i}` : 'items', code: 'opportunity.stage_in_use' };
    }
  }
  const closedStages = existing
    .filter((s) => s.kind !== 'open')
    .sort((a, b) => (a.kind === b.kind ? a.position - b.position : a.kind === 'won' ? -1 : 1))
    .map((s) => ({ ...(closed.get(s.key) ?? s), isNew: false }));
  const stages = [...openStages, ...closedStages].map((s, i) => ({ ...s, position: i + 1 }));
  return { ok: true, stages };
}
