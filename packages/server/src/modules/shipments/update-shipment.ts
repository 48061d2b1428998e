import type { FieldError, Shipment, ShipmentInput, UpdateShipmentInput } from '@berth/domain';
import { AppError, type AppFieldError } from '../../platform/app-error';
import { type Ctx, inTransaction, requireScope } from '../../platform/context';
import { getShipment } from './find-shipments';
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
  return inTransaction(ctx, async (tx) => {
    const [result] = (await upsertShipments(tx, [input], { checked: true })).items;
    if (!result || result.status === 'error') {
      throw itemRefused(result?.errors);
    }
    if (result.status !== 'created') throw AppError.conflict('shipment.external_id_taken', 'externalId');
    return getShipment(tx, result.id as string);
  });
}

/**
 * Corrects a shipment by hand under the record's version (412 when someone changed it since it was read). The
 * change goes through the same path as a feed item, so derived values (TEU, lane, customer) follow.
 */
export async function updateShipment(
  ctx: Ctx,
  id: string,
  expected: number | undefined,
  patch: UpdateShipmentInput,
): Promise<Shipment> {
  return inTransaction(ctx, async (tx) => {
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
    const [result] = (
      await upsertShipments(tx, [
        { ...patch, mode: patch.mode ?? row.mode, source: row.source, externalId: row.externalId },
      ])
    ).items;
    if (!result || result.status === 'error') {
      throw itemRefused(result?.errors);
    }
    return getShipment(tx, id);
  });
}
