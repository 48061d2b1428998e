import { opportunityListQuerySchema, type SearchHit } from '@berth/domain';
import type { SearchProvider } from '../../platform/module';
import { findOpportunities } from './find-opportunities';

/** Opportunities in the global search: the list's own search (title, code, customer name) within the caller's scope. */
export const opportunitySearchProvider: SearchProvider = {
  kind: 'opportunity',
  resource: 'opportunities',
  search: async (ctx, text, limit) => {
    const page = await findOpportunities(ctx, opportunityListQuerySchema.parse({ q: text, limit }));
    const items = page.items.map(
      (o): SearchHit => ({
        kind: 'opportunity',
        id: o.id,
        title: o.title,
        subtitle: `${o.code} · ${o.customerName}`,
        customerId: o.customerId,
      }),
    );
    return { items, more: page.nextCursor !== null };
  },
};
