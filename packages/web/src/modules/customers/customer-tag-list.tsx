import { Flex, Tag } from 'antd';
import { useTagLookup } from './lookups';

/** The customer's tags in their colours; tags the viewer cannot see (no tags.read) are left out. */
export function CustomerTagList({ tagIds }: { tagIds: readonly string[] }) {
  const { byId } = useTagLookup();
  const tags = tagIds.flatMap((id) => {
    const tag = byId.get(id);
    return tag ? [tag] : [];
  });
  if (tags.length === 0) return null;
  return (
    <Flex gap={4} wrap>
      {tags.map((tag) => (
        <Tag key={tag.id} color={tag.color} style={{ marginInlineEnd: 0 }}>
          {tag.name}
        </Tag>
      ))}
    </Flex>
  );
}
