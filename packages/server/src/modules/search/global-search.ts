import type { SearchQuery, SearchResult } from '@berth/domain';
import { type Ctx, can } from '../../platform/context';
import { installedModules, type SearchProvider } from '../../platform/module';

/** The search providers of every module, in the module list's order. */
export const registeredSearchProviders = (): SearchProvider[] =>
  installedModules().flatMap((m) => m.searchProviders ?? []);

/**
 * The header's search: the term goes to every provider whose resource the caller may read, each answering by its
 * own list's scope and field rules; the answer is one group per such kind, at most `limit` records each.
 */
export async function globalSearch(ctx: Ctx, query: SearchQuery): Promise<SearchResult> {
  const providers = registeredSearchProviders().filter((p) => can(ctx, p.resource, 'read'));
  const groups = [];
  // One provider after the other: each is a bounded query, and a request holds one connection at a time.
  for (const provider of providers) {
    const { items, more } = await provider.search(ctx, query.q, query.limit);
    groups.push({ kind: provider.kind, items, more });
  }
  return { groups };
}
