import { and, inArray } from 'drizzle-orm';
import type { AuditNamer } from '../../platform/module';
import { opportunitiesInScope } from './opportunity-scope';
import { opportunities } from './tables';

/** Opportunities by code and title, within the opportunities scope. */
export const opportunityAuditNames: AuditNamer = {
  entity: 'opportunities',
  resource: 'opportunities',
  names: (ctx, ids) =>
    ctx.db
      .select({ id: opportunities.id, name: opportunities.title, code: opportunities.code })
      .from(opportunities)
      .where(and(opportunitiesInScope(ctx, 'read'), inArray(opportunities.id, ids))),
};
