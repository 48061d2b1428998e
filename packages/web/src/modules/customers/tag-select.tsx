import { Select, type SelectProps, Tag } from 'antd';
import { useTagLookup } from './lookups';

type TagSelectProps = Omit<SelectProps<string[]>, 'options' | 'mode' | 'tagRender' | 'showSearch'>;

/** Picks several customer tags, shown in their colours. */
export function TagSelect(props: TagSelectProps) {
  const { tags, byId } = useTagLookup();
  const tagRender: SelectProps['tagRender'] = ({ label, value, closable, onClose }) => (
    <Tag color={byId.get(String(value))?.color} closable={closable} onClose={onClose} style={{ marginInlineEnd: 4 }}>
      {label}
    </Tag>
  );
  return (
    <Select<string[]>
      mode="multiple"
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      options={tags.map((tag) => ({ value: tag.id, label: tag.name }))}
      tagRender={tagRender}
      {...props}
    />
  );
}
