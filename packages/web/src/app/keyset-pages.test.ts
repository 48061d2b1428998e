import type { Page } from '@berth/domain';
import { describe, expect, it, vi } from 'vitest';
import { itemsOfPages, keysetListKey, nextPageCursor, readPages } from './keyset-pages';

describe('keysetListKey', () => {
  it('starts with the module root, so invalidating the root refreshes every list under it', () => {
    const key = keysetListKey(['customers'], { q: 'acme' }, 50);
    expect(key.slice(0, 1)).toEqual(['customers']);
  });

  it('differs when the filters or the page size change, so the list starts afresh', () => {
    const base = keysetListKey(['customers'], { q: 'acme' }, 50);
    expect(keysetListKey(['customers'], { q: 'acme' }, 50)).toEqual(base);
    expect(keysetListKey(['customers'], { q: 'acm' }, 50)).not.toEqual(base);
    expect(keysetListKey(['customers'], { q: 'acme' }, 20)).not.toEqual(base);
  });
});

describe('nextPageCursor', () => {
  it('follows the cursor the server gave, and stops when it gave none', () => {
    expect(nextPageCursor({ items: [1], nextCursor: 'c2' })).toBe('c2');
    // undefined (not null) is what tells the query library there is no next page.
    expect(nextPageCursor({ items: [1], nextCursor: null })).toBeUndefined();
  });
});

describe('itemsOfPages', () => {
  it('lists the items of the loaded pages in order', () => {
    expect(
      itemsOfPages([
        { items: ['a', 'b'], nextCursor: 'c2' },
        { items: ['c'], nextCursor: null },
      ]),
    ).toEqual(['a', 'b', 'c']);
    expect(itemsOfPages(undefined)).toEqual([]);
  });
});

describe('readPages', () => {
  const pages: Record<string, Page<number>> = {
    start: { items: [1, 2], nextCursor: 'p2' },
    p2: { items: [3], nextCursor: 'p3' },
    p3: { items: [4, 5], nextCursor: null },
  };
  const server = () => vi.fn(async (cursor: string | null) => pages[cursor ?? 'start'] as Page<number>);

  it('reads page after page with the cursor of the one before, until there is none', async () => {
    const readPage = server();
    expect(await readPages(readPage, 25)).toEqual({ items: [1, 2, 3, 4, 5], truncated: false });
    expect(readPage.mock.calls.map(([cursor]) => cursor)).toEqual([null, 'p2', 'p3']);
  });

  it('says the list is truncated when it stops at the most pages it may read', async () => {
    const readPage = server();
    expect(await readPages(readPage, 2)).toEqual({ items: [1, 2, 3], truncated: true });
    expect(readPage).toHaveBeenCalledTimes(2);
  });

  it('is not truncated when the last page it may read is the last one there is', async () => {
    expect(await readPages(server(), 3)).toEqual({ items: [1, 2, 3, 4, 5], truncated: false });
  });
});
