import type { Page } from '@berth/domain';

/**
 * The query key of one keyset list: the module's root first, so invalidating the root refreshes the list, then
 * the filters and the page size, so a change of either starts the list afresh.
 */
export function keysetListKey(root: readonly unknown[], params: object, pageSize: number): unknown[] {
  return [...root, 'list', params, pageSize];
}

/** The cursor of the page after `page`; none once the server answers `nextCursor: null`. */
export function nextPageCursor(page: Page<unknown>): string | undefined {
  return page.nextCursor ?? undefined;
}

/** The items of the pages loaded so far, in order. */
export function itemsOfPages<T>(pages: readonly Page<T>[] | undefined): T[] {
  return pages?.flatMap((page) => page.items) ?? [];
}

/** Every item of a list, or its first `maxPages` pages with `truncated` set when the server had more. */
export interface AllPages<T> {
  items: T[];
  truncated: boolean;
}

/** Reads a list page after page until the server has no further page, or at most `maxPages` pages. */
export async function readPages<T>(
  readPage: (cursor: string | null) => Promise<Page<T>>,
  maxPages: number,
): Promise<AllPages<T>> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let read = 0; read < maxPages; read += 1) {
    const page = await readPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return { items, truncated: false };
  }
  return { items, truncated: true };
}
