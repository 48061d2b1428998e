import { type Opportunity, titleEditPatch, type UpdateOpportunityInput } from '@berth/domain';
import { AppError } from '../../platform/app-error';
import { type Ctx, inTransaction } from '../../platform/context';
import { updateVersioned } from '../../platform/versioned-write';
import { teamOfUser } from '../customers';
import { assertMayWriteMoney, assertSalesEvent } from './create-opportunity';
import { getOpportunity } from './get-opportunity';
import { moneyColumns } from './insert-opportunity';
import { assertActiveLostReason } from './lost-reasons';
import { getOpportunityForUpdate } from './opportunity-access';
import { assertContactOfCustomer, assertOpportunityAssignment } from './opportunity-references';
import { opportunityById } from './opportunity-scope';
import { saveOpportunityLanes } from './save-opportunity-lanes';
import { announceOutcome, enterStagePatch, recordStageChange } from './stage-move';
import { activeStage } from './stages';
import { opportunities } from './tables';

type OpportunityRow = typeof opportunities.$inferSelect;

const decimal = (value: number | null | undefined) => (value === null ? null : String(value));

function plainFields(ctx: Ctx, current: OpportunityRow, input: UpdateOpportunityInput): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  if (input.title !== undefined) Object.assign(patch, titleEditPatch(input.title, current, ctx.locale));
  const copy = ['contactId', 'expectedCloseDate', 'source', 'salesEventId', 'description'] as const;
  for (const field of copy) if (input[field] !== undefined) patch[field] = input[field];
  Object.assign(patch, moneyColumns(input));
  if (input.volume) {
    const v = input.volume;
    if (v.teu !== undefined) patch.volumeTeu = decimal(v.teu);
    if (v.cbm !== undefined) patch.volumeCbm = decimal(v.cbm);
    if (v.kg !== undefined) patch.volumeKg = decimal(v.kg);
    if (v.shipmentsPerMonth !== undefined) patch.shipmentsPerMonth = decimal(v.shipmentsPerMonth);
  }
  return patch;
}

async function assignmentPatch(ctx: Ctx, current: OpportunityRow, input: UpdateOpportunityInput) {
  if (input.ownerId === undefined && input.teamId === undefined) return {};
  const ownerId = input.ownerId === undefined ? current.ownerId : input.ownerId;
  // A new owner brings the opportunity into their team unless a team is given.
  const teamId =
    input.teamId !== undefined
      ? input.teamId
      : ownerId !== current.ownerId
        ? await teamOfUser(ctx, ownerId)
        : current.teamId;
  await assertOpportunityAssignment(ctx, 'update', { ownerId, teamId }, current.ownerId);
  return { ownerId, teamId };
}

/** What a stage move (or a change of reason while lost) writes; the history row is added by the caller. */
async function stagePatch(ctx: Ctx, current: OpportunityRow, input: UpdateOpportunityInput) {
  if (input.stage !== undefined && input.stage !== current.stageKey) {
    const stage = await activeStage(ctx, input.stage);
    return { moved: stage, patch: await enterStagePatch(ctx, stage, input) };
  }
  const patch: Record<string, unknown> = {};
  if (input.probability !== undefined) patch.probability = input.probability;
  if (current.status === 'lost') {
    if (input.lostReasonId === null) throw AppError.validation('lostReasonId', 'opportunity.lost_reason_required');
    if (input.lostReasonId !== undefined) {
      await assertActiveLostReason(ctx, input.lostReasonId);
      patch.lostReasonId = input.lostReasonId;
    }
    if (input.lostNote !== undefined) patch.lostNote = input.lostNote;
  }
  return { moved: null, patch };
}

/**
 * Changes an opportunity at the version the client read (If-Match). A move on the board is a
 * change of `stage`: it is kept in the stage history with the time spent in the previous stage,
 * and of two people moving the same card at once one succeeds and the other gets 412.
 */
export async function updateOpportunity(
  ctx: Ctx,
  id: string,
  expected: number | undefined,
  input: UpdateOpportunityInput,
): Promise<Opportunity> {
  return inTransaction(ctx, async (tx) => {
    const current = await getOpportunityForUpdate(tx, id, 'update');
    if (expected !== undefined && current.version !== expected) throw AppError.versionConflict();
    if (input.contactId !== undefined) await assertContactOfCustomer(tx, input.contactId, current.customerId);
    if (input.salesEventId !== undefined) await assertSalesEvent(tx, input.salesEventId);
    const fields = plainFields(tx, current, input);
    const owner = await assignmentPatch(tx, current, input);
    assertMayWriteMoney(tx, input, [current, { ...current, ...owner }]);
    const stage = await stagePatch(tx, current, input);
    const row = await updateVersioned(tx, opportunities, opportunityById(tx, 'update', id), expected, {
      ...fields,
      ...owner,
      ...stage.patch,
    });
    if (input.lanes) await saveOpportunityLanes(tx, id, input.lanes, { audit: true });
    if (stage.moved) {
      await recordStageChange(tx, id, { stage: current.stageKey, enteredAt: current.stageEnteredAt }, stage.moved.key);
      await announceOutcome(tx, row, stage.moved.kind);
    }
    return getOpportunity(tx, id, { bypassScope: true });
  });
}
