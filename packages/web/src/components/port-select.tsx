import { findPort, searchPorts } from '@berth/domain';
import { Select, type SelectProps } from 'antd';
import { useMemo, useState } from 'react';
import { portOptionLabel } from '../app/use-reference-names';

const resultLimit = 20;

type PortSelectProps = Omit<SelectProps<string>, 'options' | 'showSearch' | 'mode'>;

/**
 * Picks a port by UN/LOCODE from the reference list: search by code, Chinese or English name or pinyin initials.
 * Only listed ports can be chosen, never free text.
 */
export function PortSelect({ value, onChange, onOpenChange, ...props }: PortSelectProps) {
  const [query, setQuery] = useState('');
  const options = useMemo(() => {
    const found = searchPorts(query, resultLimit);
    const current = value ? findPort(value) : undefined;
    const list = current && !found.some((port) => port.code === current.code) ? [current, ...found] : found;
    const items = list.map((port) => ({ value: port.code, label: portOptionLabel(port) }));
    // A code saved before it was in the reference list still shows as itself.
    if (value && !current) items.unshift({ value, label: value });
    return items;
  }, [query, value]);

  return (
    <Select<string>
      allowClear
      value={value}
      onChange={(next, option) => {
        setQuery('');
        onChange?.(next, option);
      }}
      onOpenChange={(open) => {
        if (!open) setQuery('');
        onOpenChange?.(open);
      }}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      options={options}
      popupMatchSelectWidth={false}
      {...props}
    />
  );
}
