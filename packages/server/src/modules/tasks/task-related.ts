import { type Locale, readerTitle, type TaskRelatedType } from '@berth/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../platform/app-error';
import { type Ctx, can } from '../../platform/context';
import { customerNames, visibleCustomer } from '../customers';
import { assertOpportunityVisible, opportunityRef } from '../opportunities';
import { salesEventExists, salesEventNames } from '../sales-events';

export interface RelatedRecord {
  type: TaskRelatedType;
  id: string;
  /** The customer the task is about, directly or through the opportunity. */
  customerId: string | null;
}

function notFound(): AppError {
  return AppError.validation('related.id', 'task.related_not_found');
}

/** The linked record if the caller can see it; 422 on `related.id` otherwise. */
export async function resolveRelated(ctx: Ctx, related: { type: TaskRelatedType; id: string }): Promise<RelatedRecord> {
  if (related.type === 'customer') {
    if (!can(ctx, 'customers', 'read')) throw notFound();
    const row = await visibleCustomer(ctx, 'read', related.id);
    if (!row) throw notFound();
    return { ...related, customerId: row.id };
  }
  if (related.type === 'opportunity') {
    if (!can(ctx, 'opportunities', 'read')) throw notFound();
    const opportunity = await assertOpportunityVisible(ctx, related.id, 'read').catch(() => {
      throw notFound();
    });
    return { ...related, customerId: opportunity.customerId };
  }
  if (!can(ctx, 'salesEvents', 'read')) throw notFound();
  if (!(await salesEventExists(ctx, related.id))) throw notFound();
  return { ...related, customerId: null };
}

/** The names of linked records ("type:id" → name) in the reader's language, looked up once per list. */
export async function relatedNames(
  ctx: Pick<Ctx, 'orgId' | 'db'> & { locale: Locale },
  refs: { type: string | null; id: string | null }[],
): Promise<Map<string, string>> {
  const ids = (type: string) => [...new Set(refs.filter((r) => r.type === type && r.id).map((r) => r.id as string))];
  const names = new Map<string, string>();
  const customerIds = ids('customer');
  if (customerIds.length > 0) {
    for (const r of await customerNames(ctx, customerIds)) names.set(`customer:${r.id}`, r.name);
  }
  const opportunityIds = ids('opportunity');
  if (opportunityIds.length > 0) {
    const rows = await ctx.db
      .select({ id: opportunityRef.id, title: opportunityRef.title, parts: opportunityRef.titleParts })
      .from(opportunityRef)
      .where(and(eq(opportunityRef.orgId, ctx.orgId), inArray(opportunityRef.id, opportunityIds)));
    for (const r of rows) names.set(`opportunity:${r.id}`, readerTitle(r.title, r.parts, ctx.locale));
  }
  const eventIds = ids('sales_event');
  if (eventIds.length > 0) {
    for (const r of await salesEventNames(ctx, eventIds)) names.set(`sales_event:${r.id}`, r.name);
  }
  return names;
}
