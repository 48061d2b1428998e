import type { Tag } from '@berth/domain';

/** Ungrouped tags last, then by name: the order the tags page and the selects show. */
export function byGroupThenName(a: Tag, b: Tag): number {
  if (a.group !== b.group) {
    if (a.group === null) return 1;
    if (b.group === null) return -1;
    return a.group < b.group ? -1 : 1;
  }
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
