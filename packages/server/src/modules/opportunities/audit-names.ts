import { readerTitle } from '@berth/domain';
import { and, inArray } from 'drizzle-orm';
import type { AuditNamer } from '../../platform/module';
import { opportunitiesInScope } from './opportunity-scope';
import { opportunities } from './tables';

/** Opportunities by code and title (in the reader's language when the product made it), within the opportunities scope. */
export const opportunityAuditNames: AuditNamer = {
  entity: 'opportunities',
  resource: 'opportunities',
  names: async (ctx, ids) => {
    const rows = await ctx.db
      .select({
        id: opportunities.id,
        title: opportunities.title,
        parts: opportunities.titleParts,
        code: opportunities.code,
      })
      .from(opportunities)
      .where(and(opportunitiesInScope(ctx, 'read'), inArray(opportunities.id, ids)));
    return rows.map((r) => ({ id: r.id, code: r.code, name: readerTitle(r.title, r.parts, ctx.locale) }));
  },
};
