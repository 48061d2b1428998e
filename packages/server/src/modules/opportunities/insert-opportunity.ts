import type {
  MoneyJson,
  OpportunityLaneInput,
  OpportunityVolume,
  StageDefinition,
  SystemTitleParts,
} from '@berth/domain';
import type { Ctx } from '../../platform/context';
import { nextOpportunityCode } from './opportunity-references';
import { saveOpportunityLanes } from './save-opportunity-lanes';
import { announceOutcome, enterStagePatch, recordStageChange } from './stage-move';
import { opportunities } from './tables';

export interface NewOpportunity {
  title: string;
  /** When the product made the title: its parts, so readers see it in their language. */
  titleParts?: SystemTitleParts | null;
  customerId: string;
  contactId: string | null;
  lanes: OpportunityLaneInput[];
  volume: OpportunityVolume;
  expectedRevenue?: MoneyJson | null;
  expectedMargin?: MoneyJson | null;
  probability?: number;
  expectedCloseDate?: string | null;
  ownerId: string | null;
  teamId: string | null;
  source: string;
  lostReasonId?: string | null;
  lostNote?: string | null;
  salesEventId: string | null;
  description?: string | null;
}

const decimal = (value: number | null | undefined) => (value === undefined || value === null ? null : String(value));

/** The columns of the amounts an input gives (absent ones are left out, null clears amount and currency). */
export function moneyColumns(input: { expectedRevenue?: MoneyJson | null; expectedMargin?: MoneyJson | null }) {
  const columns: {
    expectedRevenue?: string | null;
    revenueCurrency?: string | null;
    expectedMargin?: string | null;
    marginCurrency?: string | null;
  } = {};
  if (input.expectedRevenue !== undefined) {
    columns.expectedRevenue = input.expectedRevenue?.amount ?? null;
    columns.revenueCurrency = input.expectedRevenue?.currency ?? null;
  }
  if (input.expectedMargin !== undefined) {
    columns.expectedMargin = input.expectedMargin?.amount ?? null;
    columns.marginCurrency = input.expectedMargin?.currency ?? null;
  }
  return columns;
}

/**
 * Writes a checked new opportunity in `stage`: the row with the next code, its lanes and the first
 * entry of its stage history.
 */
export async function insertOpportunity(
  ctx: Ctx,
  input: NewOpportunity,
  stage: StageDefinition,
): Promise<{ id: string; code: string }> {
  const stagePatch = await enterStagePatch(ctx, stage, input);
  const code = await nextOpportunityCode(ctx);
  const [row] = await ctx.db
    .insert(opportunities)
    .values({
      orgId: ctx.orgId,
      code,
      title: input.title,
      titleParts: input.titleParts ?? null,
      customerId: input.customerId,
      contactId: input.contactId,
      volumeTeu: decimal(input.volume.teu),
      volumeCbm: decimal(input.volume.cbm),
      volumeKg: decimal(input.volume.kg),
      shipmentsPerMonth: decimal(input.volume.shipmentsPerMonth),
      ...moneyColumns(input),
      expectedCloseDate: input.expectedCloseDate ?? null,
      ownerId: input.ownerId,
      teamId: input.teamId,
      source: input.source,
      salesEventId: input.salesEventId,
      description: input.description ?? null,
      ...(stagePatch as { stageKey: string; probability: number }),
    })
    .returning({ id: opportunities.id });
  const id = (row as { id: string }).id;
  await saveOpportunityLanes(ctx, id, input.lanes, { audit: false });
  await recordStageChange(ctx, id, null, stage.key);
  await announceOutcome(
    ctx,
    { id, customerId: input.customerId, lostReasonId: (stagePatch as { lostReasonId?: string | null }).lostReasonId },
    stage.kind,
  );
  return { id, code };
}
