import { SearchOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUserLookup } from '../../../app/directory-lookups';
import { useCan } from '../../../app/permissions';
import { useDebouncedValue } from '../../../app/use-debounced-value';
import { CountrySelect } from '../../../components/country-select';
import { PortSelect } from '../../../components/port-select';
import { useTagLookup } from '../lookups';
import { SegmentSelect } from '../segments/segment-select';
import { useCustomerLabels } from '../use-customer-labels';
import { type CustomerFilterValues, hasFilters } from './use-customer-filters';

const searchDebounceMs = 350;

interface CustomerFiltersProps {
  value: CustomerFilterValues;
  onChange: (value: CustomerFilterValues) => void;
}

export function CustomerFilters({ value, onChange }: CustomerFiltersProps) {
  const { t } = useTranslation();
  const can = useCan();
  const labels = useCustomerLabels();
  const { tags } = useTagLookup();
  const { users } = useUserLookup();
  const [text, setText] = useState(value.q ?? '');
  const q = useDebouncedValue(text.trim(), searchDebounceMs);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new search text triggers this; the other filters are passed along.
  useEffect(() => {
    if ((value.q ?? '') !== q) onChange({ ...value, q: q || undefined });
  }, [q]);

  const set = (patch: Partial<CustomerFilterValues>) => onChange({ ...value, ...patch });

  return (
    <Flex gap="small" wrap style={{ marginBottom: 16 }}>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('customers.searchPlaceholder')}
        aria-label={t('customers.searchPlaceholder')}
        value={text}
        onChange={(event) => setText(event.target.value)}
        style={{ width: 360 }}
        data-testid="customer-search"
      />
      {can('segments', 'read') && (
        <SegmentSelect
          placeholder={t('customers.filterSegment')}
          aria-label={t('customers.filterSegment')}
          value={value.segment}
          onChange={(segment?: string) => set({ segment })}
          style={{ width: 180 }}
          popupMatchSelectWidth={false}
          data-testid="filter-segment"
        />
      )}
      <Select
        allowClear
        placeholder={t('customers.filterStatus')}
        aria-label={t('customers.filterStatus')}
        value={value.status}
        onChange={(status?: string) => set({ status })}
        options={labels.statusOptions}
        style={{ width: 130 }}
        data-testid="filter-status"
      />
      <Select
        allowClear
        placeholder={t('customers.filterRelationship')}
        aria-label={t('customers.filterRelationship')}
        value={value.relationshipType}
        onChange={(relationshipType?: string) => set({ relationshipType })}
        options={labels.relationshipTypeOptions}
        style={{ width: 130 }}
        data-testid="filter-relationship"
      />
      <Select
        allowClear
        placeholder={t('customers.filterRole')}
        aria-label={t('customers.filterRole')}
        value={value.role}
        onChange={(role?: string) => set({ role })}
        options={labels.roleOptions}
        style={{ width: 160 }}
        popupMatchSelectWidth={false}
        data-testid="filter-role"
      />
      <CountrySelect
        placeholder={t('customers.filterCountry')}
        aria-label={t('customers.filterCountry')}
        value={value.country}
        onChange={(country?: string) => set({ country })}
        style={{ width: 180 }}
        popupMatchSelectWidth={false}
        data-testid="filter-country"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('customers.filterTag')}
        aria-label={t('customers.filterTag')}
        value={value.tagId}
        onChange={(tagId?: string) => set({ tagId })}
        options={tags.map((tag) => ({ value: tag.id, label: tag.name }))}
        style={{ width: 150 }}
        data-testid="filter-tag"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('customers.filterOwner')}
        aria-label={t('customers.filterOwner')}
        value={value.ownerId}
        onChange={(ownerId?: string) => set({ ownerId })}
        options={users.map((user) => ({ value: user.id, label: user.name }))}
        style={{ width: 140 }}
        data-testid="filter-owner"
      />
      <PortSelect
        placeholder={t('customers.filterPol')}
        aria-label={t('customers.filterPol')}
        value={value.pol}
        onChange={(pol?: string) => set({ pol })}
        style={{ width: 170 }}
        data-testid="filter-pol"
      />
      <PortSelect
        placeholder={t('customers.filterPod')}
        aria-label={t('customers.filterPod')}
        value={value.pod}
        onChange={(pod?: string) => set({ pod })}
        style={{ width: 170 }}
        data-testid="filter-pod"
      />
      {hasFilters(value) && (
        <Button
          type="link"
          onClick={() => {
            setText('');
            onChange({});
          }}
          data-testid="clear-filters"
        >
          {t('customers.clearFilters')}
        </Button>
      )}
    </Flex>
  );
}
