import {
  type Customer,
  type MergeableCustomerField,
  type MergeCustomerInput,
  type MergeFieldChoices,
  type MergePreview,
  type MergeSide,
  mergeableCustomerFields,
  suggestedMergeSide,
} from '@berth/domain';
import { and, count, eq, sql } from 'drizzle-orm';
import { AppError } from '../../platform/app-error';
import { recordEvent } from '../../platform/audit';
import { type Ctx, can, inRetriedTransaction } from '../../platform/context';
import { emit } from '../../platform/events';
import { guardedFields, maySee, mayWrite } from '../../platform/field-access';
import { installedModules, type MergeMoveCount } from '../../platform/module';
import { changeOwner } from '../pool';
import { contactsInScope } from './contact-access';
import { toCustomer, toCustomers } from './customer-dto';
import { customerEventRecord } from './customer-events';
import type { CustomerRow } from './customer-row';
import { customerById } from './customer-scope';
import { customerKeys } from './customer-search-keys';
import { contacts, customerLanes, customers, customerTags } from './tables';

/** Fields copied as they are from the side chosen. */
const plainFields = [
  'name',
  'nameEn',
  'creditCode',
  'status',
  'address',
  'country',
  'website',
  'phone',
  'email',
  'industry',
  'employees',
  'relationshipType',
] as const satisfies readonly (MergeableCustomerField & keyof CustomerRow)[];

/**
 * Whether the caller may take a field's value from the merged record: a field guarded by a field right (billing)
 * only by someone who sees it on the merged record and may write it on the kept one.
 */
function mayTakeFromSource(ctx: Ctx, field: MergeableCustomerField, target: CustomerRow, source: CustomerRow) {
  const guards = (guardedFields.customers?.fields ?? []).filter((g) => g.field === field);
  return guards.every((g) => maySee(ctx, g.right, source) && mayWrite(ctx, g.right, target));
}

/** Each field's side: the caller's choice, checked against the field rights, else the suggestion. */
function resolveSides(
  ctx: Ctx,
  target: CustomerRow,
  source: CustomerRow,
  choices: MergeFieldChoices | undefined,
): Record<MergeableCustomerField, MergeSide> {
  const refused = mergeableCustomerFields.filter(
    (field) => choices?.[field] === 'source' && !mayTakeFromSource(ctx, field, target, source),
  );
  if (refused.length > 0) {
    throw new AppError('validation.failed', 422, {
      fields: refused.map((field) => ({
        field: `fields.${field}`,
        code: 'customer.billing_not_writable' as const,
        message: 'customer.billing_not_writable',
      })),
    });
  }
  const sides = {} as Record<MergeableCustomerField, MergeSide>;
  for (const field of mergeableCustomerFields) {
    sides[field] = choices?.[field] ?? suggestedMergeSide(field, target, source);
  }
  return sides;
}

async function lockedPair(tx: Ctx, targetId: string, sourceId: string, lock: boolean) {
  if (targetId === sourceId)
    throw AppError.validation('sourceId', 'validation.invalid_value', 'a customer cannot be merged into itself');
  const read = (id: string) => {
    const query = tx.db
      .select()
      .from(customers)
      .where(customerById(tx, 'merge', id));
    return lock ? query.for('update') : query;
  };
  const [target] = await read(targetId);
  if (!target) throw AppError.notFound();
  const [source] = await read(sourceId);
  if (!source) throw AppError.validation('sourceId', 'reference.invalid');
  return { target, source };
}

/**
 * What merging `sourceId` into `targetId` would do, for the merge dialog: both records as the caller sees them,
 * each field's default side and whether the caller may choose the other, and what moves — the customer's own
 * contacts, lanes and tags, then each module's records through its manifest's merge step — counted among the
 * records the caller may read.
 */
export async function previewMerge(ctx: Ctx, targetId: string, sourceId: string): Promise<MergePreview> {
  const { target, source } = await lockedPair(ctx, targetId, sourceId, false);
  const [targetDto, sourceDto] = await toCustomers(ctx, ctx.db, [target, source]);
  const fields = mergeableCustomerFields.map((field) => ({
    field,
    suggested: suggestedMergeSide(field, target, source),
    choosable: mayTakeFromSource(ctx, field, target, source),
  }));
  const own: MergeMoveCount[] = [];
  if (can(ctx, 'contacts', 'read')) {
    const [row] = await ctx.db
      .select({ n: count() })
      .from(contacts)
      .innerJoin(customers, and(eq(customers.orgId, contacts.orgId), eq(customers.id, contacts.customerId)))
      .where(and(eq(contacts.orgId, ctx.orgId), contactsInScope(ctx, 'read'), eq(contacts.customerId, sourceId)));
    own.push({ kind: 'contacts', count: row?.n ?? 0 });
  }
  const [lanes] = await ctx.db
    .select({ n: count() })
    .from(customerLanes)
    .where(and(eq(customerLanes.orgId, ctx.orgId), eq(customerLanes.customerId, sourceId)));
  own.push({ kind: 'lanes', count: lanes?.n ?? 0 });
  const [tags] = await ctx.db
    .select({ n: count() })
    .from(customerTags)
    .where(and(eq(customerTags.orgId, ctx.orgId), eq(customerTags.customerId, sourceId)));
  own.push({ kind: 'tags', count: tags?.n ?? 0 });
  const modules: MergeMoveCount[] = [];
  for (const module of installedModules()) {
    if (module.customerMerge) modules.push(...(await module.customerMerge.preview(ctx, sourceId)));
  }
  return { target: targetDto as Customer, source: sourceDto as Customer, fields, moves: [...own, ...modules] };
}

/**
 * Merges `sourceId` into `targetId` in one transaction: contacts, tags, lanes and every linked
 * record move to the target; each field keeps the side the caller chose, or by default the target's
 * value, filled from the source where the target's is empty; the source stays as a read-only record
 * pointing at the target, so both histories are kept.
 */
export async function mergeCustomers(
  ctx: Ctx,
  targetId: string,
  input: MergeCustomerInput,
  expected: number | undefined,
): Promise<Customer> {
  const { sourceId } = input;
  return inRetriedTransaction(ctx, async (tx) => {
    const { target, source } = await lockedPair(tx, targetId, sourceId, true);
    if (expected !== undefined && target.version !== expected) throw AppError.versionConflict();
    const sides = resolveSides(tx, target, source, input.fields);

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
    for (const module of installedModules()) await module.customerMerge?.move(tx, sourceId, targetId);

    const patch: Record<string, unknown> = {};
    for (const field of plainFields) if (sides[field] === 'source') patch[field] = source[field];
    // A number taken over keeps its extension.
    if (sides.phone === 'source') patch.phoneExtension = source.phoneExtension;
    if (sides.owner === 'source' && source.ownerId !== target.ownerId) {
      // The kept record takes over the other record's owner: a change of hands like any other. Chosen on purpose,
      // the owner comes with their team; filling an empty owner keeps the kept record's team where it has one.
      const teamId =
        input.fields?.owner === 'source' ? (source.teamId ?? target.teamId) : (target.teamId ?? source.teamId);
      await changeOwner(
        tx,
        [targetId],
        { ownerId: source.ownerId, teamId },
        { reason: 'merge', details: { mergedFrom: source.code } },
      );
    }
    if (sides.annualRevenue === 'source') {
      patch.annualRevenue = source.annualRevenue;
      patch.revenueCurrency = source.revenueCurrency;
    }
    if (sides.billing === 'source') {
      patch.billing = source.billing;
      patch.creditLimit = source.creditLimit;
      patch.creditLimitCurrency = source.creditLimitCurrency;
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
    // The pool clocks count the merged record's follow-ups and deals too (its notes and activities moved here).
    patch.lastFollowUpAt = sql`greatest(${customers.lastFollowUpAt}, ${source.lastFollowUpAt?.toISOString() ?? null}::timestamptz)`;
    patch.lastDealAt = sql`greatest(${customers.lastDealAt}, ${source.lastDealAt?.toISOString() ?? null}::timestamptz)`;
    const [merged] = await tx.db
      .update(customers)
      .set({ ...patch, updatedAt: tx.clock.now(), version: sql`${customers.version} + 1` })
      .where(and(eq(customers.orgId, org), eq(customers.id, targetId)))
      .returning();
    await recordEvent(tx, {
      action: 'merge',
      entity: 'customers',
      entityId: targetId,
      meta: {
        sourceId,
        sourceCode: source.code,
        sourceName: source.name,
        fromSource: mergeableCustomerFields.filter((field) => sides[field] === 'source'),
      },
    });
    await emit(tx, 'customer.merged', {
      ...customerEventRecord(merged as typeof target),
      mergedId: sourceId,
      mergedCode: source.code,
    });
    return toCustomer(tx, tx.db, merged as typeof target);
  });
}
