import { Select, type SelectProps } from 'antd';
import { useState } from 'react';
import { useDebouncedValue } from '../../../app/use-debounced-value';
import { useSegment, useSegmentLookup } from './use-segments';

const searchDebounceMs = 300;

type SegmentSelectProps = Omit<SelectProps<string>, 'options' | 'showSearch' | 'mode' | 'loading'>;

/**
 * Picks a segment the user may see, searched by name on the server. A segment chosen before (from
 * the address) keeps its name when the search does not list it.
 */
export function SegmentSelect({ value, onChange, ...props }: SegmentSelectProps) {
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), searchDebounceMs);
  const { segments, loading } = useSegmentLookup(q);
  const listed = segments.some((segment) => segment.id === value);
  const { segment: chosen } = useSegment(value && !listed ? value : undefined);
  const options = segments.map((segment) => ({ value: segment.id, label: segment.name }));
  if (value && !listed) options.unshift({ value, label: chosen?.name ?? '…' });
  return (
    <Select<string>
      allowClear
      value={value}
      onChange={(next, option) => {
        setText('');
        onChange?.(next, option);
      }}
      showSearch={{ filterOption: false, onSearch: setText }}
      loading={loading}
      options={options}
      {...props}
    />
  );
}
