import { endpoints, type TaskRelatedType } from '@berth/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api/call';
import { useCan } from '../../app/permissions';
import { useDebouncedValue } from '../../app/use-debounced-value';
import { CustomerPicker } from '../opportunities';

/** What a task form links: a customer or an opportunity (a sales event's tasks are made on the event). */
export interface RelatedValue {
  type: Extract<TaskRelatedType, 'customer' | 'opportunity'>;
  id?: string;
}

interface RelatedPickerProps {
  value?: RelatedValue | null;
  onChange?: (value: RelatedValue | null) => void;
  /** The name of the record linked before any search (editing a task). */
  initialLabel?: string;
}

/** Searches the opportunities the user may see (code, title, customer name) on the server. */
function OpportunityPicker({
  value,
  onChange,
  initialLabel,
}: {
  value?: string;
  onChange: (id: string | undefined) => void;
  initialLabel?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const query = useQuery({
    queryKey: ['opportunities', 'picker', q],
    queryFn: ({ signal }) =>
      call(endpoints.opportunities.list, { query: { q: q || undefined, status: 'open', limit: 20 }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const options = (query.data?.items ?? []).map((o) => ({
    value: o.id,
    label: `${o.code} ${o.title} · ${o.customerName}`,
  }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: initialLabel ?? value });
  return (
    <Select<string>
      value={value}
      onChange={(next) => {
        setText('');
        onChange(next);
      }}
      placeholder={t('tasks.relatedOpportunityPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setText }}
      loading={query.isFetching}
      options={options}
      style={{ minWidth: 280, flex: 1 }}
      data-testid="task-related-opportunity"
    />
  );
}

/** A task's link: none, a customer (searched like the customer list) or an opportunity. */
export function RelatedPicker({ value, onChange, initialLabel }: RelatedPickerProps) {
  const { t } = useTranslation();
  const can = useCan();
  const types = (['customer', 'opportunity'] as const).filter((type) =>
    can(type === 'customer' ? 'customers' : 'opportunities', 'read'),
  );
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Select<'none' | RelatedValue['type']>
        value={value?.type ?? 'none'}
        onChange={(type) => onChange?.(type === 'none' ? null : { type })}
        options={[
          { value: 'none', label: t('tasks.relatedNone') },
          ...types.map((type) => ({ value: type, label: t(`tasks.relatedTypes.${type}`) })),
        ]}
        style={{ width: 110 }}
        data-testid="task-related-type"
      />
      {value?.type === 'customer' && (
        <CustomerPicker
          value={value.id}
          onChange={(id) => onChange?.({ type: 'customer', id })}
          initialLabel={initialLabel}
          style={{ flex: 1 }}
          data-testid="task-related-customer"
        />
      )}
      {value?.type === 'opportunity' && (
        <OpportunityPicker
          value={value.id}
          onChange={(id) => onChange?.({ type: 'opportunity', id })}
          initialLabel={initialLabel}
        />
      )}
    </Space.Compact>
  );
}
