import type { Customer } from '@berth/domain';
import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../platform/app-error';
import { recordEvent } from '../../platform/audit';
import { type Ctx, inTransaction } from '../../platform/context';
import { emit } from '../../platform/events';
import { serverModules } from '../index';
import { changeOwner } from '../pool/public';
import { toCustomer } from './customer-dto';
import { customerEventRecord } from './customer-events';
import { customerById } from './customer-scope';
import { customerKeys } from './customer-search-keys';
import { contacts, customerLanes, customers, customerTags } from './tables';

const fillableFields = [
  'nameEn',
  'creditCode',
  'address',
  'country',
  'website',
  'phone',
  'email',
  'industry',
  'employees',
  'relationshipType',
  'ownerId',
  'teamId',
] as const;

/**
 * Merges `sourceId` into `targetId` in one transaction: contacts, tags, lanes and every linked
 * record move to the target, empty fields of the target are filled from the source, and the
 * source stays as a read-only record pointing at the target, so both histories are kept.
 */
export async function mergeCustomers(
  ctx: Ctx,
  targetId: string,
  sourceId: string,
  expected: number | undefined,
): Promise<Customer> {
  if (targetId === sourceId)
    throw AppError.validation('sourceId', 'validation.invalid_value', 'a customer cannot be merged into itself');
  return inTransaction(ctx, async (tx) => {
    const [target] = await tx.db
      .select()
      .from(customers)
      .where(customerById(tx, 'merge', targetId))
      .for('update');
    if (!target) throw AppError.notFound();
    if (expected !== undefined && target.version !== expected) throw AppError.versionConflict();
    const [source] = await tx.db
      .select()
      .from(customers)
      .where(customerById(tx, 'merge', sourceId))
      .for('update');
    if (!source) throw AppError.validation('sourceId', 'reference.invalid');

    const org = tx.orgId;
    await tx.db
      .update(customers)
      .set({
        mergedIntoId: targetId,
        status: 'inactive',
        updatedAt: tx.clock.now(),
        version: sql`${customers.version} + 1`,
      })
      .where(and(eq(customers.orgId, org), eq(customers.id, sourceId)));
    await tx.db
      .update(contacts)
      .set({ customerId: targetId, updatedAt: tx.clock.now(), version: sql`${contacts.version} + 1` })
      .where(and(eq(contacts.orgId, org), eq(contacts.customerId, sourceId)));
    await tx.db.execute(sql`
      insert into customer_tags (org_id, customer_id, tag_id)
      select org_id, ${targetId}, tag_id from customer_tags where org_id = ${org} and customer_id = ${sourceId}
      on conflict do nothing`);
    await tx.db.delete(customerTags).where(and(eq(customerTags.orgId, org), eq(customerTags.customerId, sourceId)));
    await tx.db.execute(sql`
      update customer_lanes s
         set customer_id = ${targetId},
             position = s.position + (select count(*) from customer_lanes t where t.org_id = ${org} and t.customer_id = ${targetId})
       where s.org_id = ${org} and s.customer_id = ${sourceId}
         and not exists (select 1 from customer_lanes t
                          where t.org_id = ${org} and t.customer_id = ${targetId}
                            and t.pol = s.pol and t.pod = s.pod and t.mode = s.mode)`);
    await tx.db.delete(customerLanes).where(and(eq(customerLanes.orgId, org), eq(customerLanes.customerId, sourceId)));
    // Every module moves its own records (notes, activities, opportunities…): the steps come from
    // the manifests, so a merge run by a job or the CLI moves them as the API does.
    for (const module of serverModules) await module.customerMerge?.(tx, sourceId, targetId);

    const patch: Record<string, unknown> = {};
    for (const field of fillableFields) {
      if ((target[field] === null || target[field] === undefined) && source[field] !== null)
        patch[field] = source[field];
    }
    // A number taken over keeps its extension.
    if (patch.phone !== undefined) patch.phoneExtension = source.phoneExtension;
    if (patch.ownerId) {
      // The kept record takes over the other record's owner: a change of hands like any other.
      await changeOwner(
        tx,
        [targetId],
        { ownerId: source.ownerId, teamId: target.teamId ?? source.teamId },
        { reason: 'merge', details: { mergedFrom: source.code } },
      );
      delete patch.ownerId;
      delete patch.teamId;
    }
    if (target.annualRevenue === null && source.annualRevenue !== null) {
      patch.annualRevenue = source.annualRevenue;
      patch.revenueCurrency = source.revenueCurrency;
    }
    patch.roles = [...new Set([...target.roles, ...source.roles])];
    patch.tradeProfile = {
      ...source.tradeProfile,
      ...target.tradeProfile,
      commodities: [...new Set([...target.tradeProfile.commodities, ...source.tradeProfile.commodities])],
      hsChapters: [
        ...new Set([...(target.tradeProfile.hsChapters ?? []), ...(source.tradeProfile.hsChapters ?? [])]),
      ].sort(),
      specialCargo: [
        ...new Set([...(target.tradeProfile.specialCargo ?? []), ...(source.tradeProfile.specialCargo ?? [])]),
      ],
      preferredModes: [...new Set([...target.tradeProfile.preferredModes, ...source.tradeProfile.preferredModes])],
    };
    Object.assign(patch, customerKeys({ ...target, ...patch } as typeof target));
    const [merged] = await tx.db
      .update(customers)
      .set({ ...patch, updatedAt: tx.clock.now(), version: sql`${customers.version} + 1` })
      .where(and(eq(customers.orgId, org), eq(customers.id, targetId)))
      .returning();
    await recordEvent(tx, {
      action: 'merge',
      entity: 'customers',
      entityId: targetId,
      meta: { sourceId, sourceCode: source.code, sourceName: source.name },
    });
    await emit(tx, 'customer.merged', {
      ...customerEventRecord(merged as typeof target),
      mergedId: sourceId,
      mergedCode: source.code,
    });
    return toCustomer(tx, tx.db, merged as typeof target);
  });
}
