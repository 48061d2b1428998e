import type { Tag } from '@berth/domain';
import { describe, expect, it } from 'vitest';
import { byGroupThenName } from './tag-order';

const tag = (name: string, group: string | null): Tag => ({
  id: name,
  name,
  group,
  color: 'blue',
  customerCount: 0,
  version: 1,
});

describe('byGroupThenName', () => {
  it('groups tags, ungrouped ones last, each group by name', () => {
    const sorted = [tag('VIP', '价值'), tag('DG', null), tag('海运', '业务'), tag('Amazon', '业务'), tag('A', null)]
      .sort(byGroupThenName)
      .map((t) => t.name);
    expect(sorted).toEqual(['Amazon', '海运', 'VIP', 'A', 'DG']);
  });
});
