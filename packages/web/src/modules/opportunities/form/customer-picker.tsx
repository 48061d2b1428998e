import { endpoints } from '@berth/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { type CSSProperties, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../app/api/call';
import { useDebouncedValue } from '../../../app/use-debounced-value';
import { customerKeys } from '../../customers';

interface CustomerPickerProps {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
  /** The name to show for a value set before any search (e.g. from the customer page). */
  initialLabel?: string;
  disabled?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  'data-testid'?: string;
}

/** Searches the customers the user may see (code, name, pinyin, phone…) on the server. */
export function CustomerPicker({
  value,
  onChange,
  id,
  initialLabel,
  disabled,
  placeholder,
  allowClear,
  style,
  'data-testid': testId = 'opportunity-customer',
}: CustomerPickerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const query = useQuery({
    queryKey: [...customerKeys.customers, 'picker', q],
    queryFn: ({ signal }) => call(endpoints.customers.list, { query: { q: q || undefined, limit: 20 }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const options = (query.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.code} ${c.name}` }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: initialLabel ?? value });
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={(next) => {
        setText('');
        onChange?.(next);
      }}
      disabled={disabled}
      placeholder={placeholder ?? t('opportunities.customerPlaceholder')}
      allowClear={allowClear}
      style={style}
      showSearch={{ filterOption: false, onSearch: setText }}
      loading={query.isFetching}
      options={options}
      data-testid={testId}
    />
  );
}
