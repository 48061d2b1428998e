import { and, eq, sql } from 'drizzle-orm';
import type { AuditTimelineContributor } from '../../platform/module';
import { opportunitiesInScope } from './opportunity-scope';
import { opportunities } from './tables';

/** The customer's opportunities the caller may read (created, changed, moved between stages). */
export const opportunityTimeline: AuditTimelineContributor = {
  from: 'audit',
  entity: 'opportunities',
  kind: 'opportunity',
  readPermission: 'opportunities',
  visibleIds: (ctx, customerId) =>
    ctx.db
      .select({ id: sql`${opportunities.id}::text` })
      .from(opportunities)
      .where(and(opportunitiesInScope(ctx, 'read'), eq(opportunities.customerId, customerId)))
      .getSQL(),
};
