import type { FieldError, Shipment, ShipmentInput, UpdateShipmentInput } from '@berth/domain';
import { AppError, type AppFieldError } from '../../platform/app-error';
import { recordChanges } from '../../platform/audit';
import { type Ctx, inRetriedTransaction, requireScope } from '../../platform/context';
import type { RecordOwner } from '../../platform/data-scope';
import { assertWritableFields, recordOwners } from '../../platform/field-access';
import { getShipment } from './find-shipments';
import { fieldError } from './item-errors';
import { shipmentById } from './shipment-scope';
import { shipments } from './tables';
import { upsertShipments } from './upsert-shipments';

/** A refused item as the 422 of a single write; its codes are the catalogue's or zod's `validation.*`, as the problem handler's. */
function itemRefused(errors: FieldError[] | undefined): AppError {
  return new AppError('validation.failed', 422, { fields: (errors ?? []) as AppFieldError[] });
}

/** Creates one shipment by hand: source `manual` unless given, the external id being the user's reference. */
export async function createShipment(ctx: Ctx, input: ShipmentInput): Promise<Shipment> {
  requireScope(ctx, 'shipments', 'create');
  // The feed's upsert would update a shipment that has the same source and external id; refused here, that
  // update is rolled back with the refusal.
  return inRetriedTransaction(ctx, async (tx) => {
    const [result] = (await upsertShipments(tx, [input], { checked: true })).items;
    if (!result || result.status === 'error') {
      throw itemRefused(result?.errors);
    }
    if (result.status !== 'created') throw AppError.conflict('shipment.external_id_taken', 'externalId');
    return getShipment(tx, result.id as string);
  });
}

/** The owner and team a shipment's field rights are judged by: its customer's (nobody's without a customer). */
async function ownerOf(ctx: Ctx, id: string): Promise<RecordOwner> {
  return (await recordOwners(ctx, [{ entity: 'shipments', entityId: id }]))('shipments', id);
}

/** Fields a correction can set whose columns the row audit of shipments leaves out (tracking state). */
const handTrackedFields = [
  ['status', 'status'],
  ['eta', 'eta'],
  ['atd', 'atd'],
  ['ata', 'ata'],
  ['damaged', 'damaged'],
  ['lost', 'lost'],
] as const satisfies readonly (readonly [keyof UpdateShipmentInput & keyof Shipment, string])[];

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Corrects a shipment by hand under the record's version (412 when someone changed it since it was read). The
 * change goes through the same path as a feed item, so derived values (TEU, lane, customer) follow. The caller needs
 * `shipments.update` in the scope of the shipment's customer, before and after the change (a new booking customer
 * outside it is refused), and the money rights on that customer for revenue and cost. Containers and parties live
 * in their own tables, which the row audit does not see: their change is logged as a change of the shipment, as is a
 * change of the tracking fields (status, ETA, ATD, ATA, damaged, lost) the row audit leaves to the events.
 */
export async function updateShipment(
  ctx: Ctx,
  id: string,
  expected: number | undefined,
  patch: UpdateShipmentInput,
): Promise<Shipment> {
  requireScope(ctx, 'shipments', 'update');
  return inRetriedTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .select({
        source: shipments.source,
        externalId: shipments.externalId,
        mode: shipments.mode,
        version: shipments.version,
      })
      .from(shipments)
      .where(shipmentById(tx, 'update', id))
      .for('update');
    if (!row) throw AppError.notFound();
    if (expected !== undefined && row.version !== expected) throw AppError.versionConflict();
    const before = await getShipment(tx, id);
    const ownerBefore = await ownerOf(tx, id);
    // A hand ETA holds against the events that occurred up to now (the fold below keeps it); a later one moves it.
    if (patch.eta !== undefined) {
      await tx.db
        .update(shipments)
        .set({ etaCorrectedAt: tx.clock.now() })
        .where(shipmentById(tx, 'update', id));
    }
    const [result] = (
      await upsertShipments(
        tx,
        [{ ...patch, mode: patch.mode ?? row.mode, source: row.source, externalId: row.externalId }],
        { checked: true, owners: [ownerBefore] },
      )
    ).items;
    if (!result || result.status === 'error') {
      throw itemRefused(result?.errors);
    }
    if (patch.parties !== undefined) {
      const [still] = await tx.db
        .select({ id: shipments.id })
        .from(shipments)
        .where(shipmentById(tx, 'update', id));
      if (!still) throw itemRefused([fieldError(tx, 'parties', 'shipment.customer_out_of_scope')]);
      assertWritableFields(tx, 'shipments', patch, [await ownerOf(tx, id)]);
    }
    const after = await getShipment(tx, id);
    const changes: Record<string, [unknown, unknown]> = {};
    // The tracking columns are left out of the row audit (events move them by the million and are their own
    // record), so a hand correction of one of them is logged here, under the column's name as the row audit logs.
    for (const [field, column] of handTrackedFields) {
      if (patch[field] !== undefined && !sameJson(before[field], after[field])) {
        changes[column] = [before[field], after[field]];
      }
    }
    if (!sameJson(before.containers, after.containers)) changes.containers = [before.containers, after.containers];
    const parties = (s: Shipment) =>
      s.parties
        .map(({ role, customerId, writtenName }) => ({ role, customerId, name: writtenName }))
        .sort((a, b) => a.role.localeCompare(b.role));
    if (!sameJson(parties(before), parties(after))) changes.parties = [parties(before), parties(after)];
    if (Object.keys(changes).length > 0) await recordChanges(tx, [{ entity: 'shipments', entityId: id, changes }]);
    return after;
  });
}
