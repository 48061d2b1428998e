import { SearchOutlined } from '@ant-design/icons';
import type { OpportunitySource, OpportunityStatus } from '@berth/domain';
import { Flex, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../../app/use-debounced-value';
import { PortSelect } from '../../../components/port-select';
import { UserPicker } from '../../../components/user-picker';
import { useOpportunityLabels } from '../use-opportunity-labels';
import { useStages } from '../use-pipeline-settings';

export interface OpportunityFilterValues {
  q?: string;
  stage?: string;
  status?: OpportunityStatus;
  owner?: string;
  source?: OpportunitySource;
  pol?: string;
  pod?: string;
}

/** The list's filters; `lane` is sent as POL or POL-POD. */
export function OpportunityFilters({
  value,
  onChange,
}: {
  value: OpportunityFilterValues;
  onChange: (value: OpportunityFilterValues) => void;
}) {
  const { t } = useTranslation();
  const labels = useOpportunityLabels();
  const { stages } = useStages();
  const [text, setText] = useState(value.q ?? '');
  const q = useDebouncedValue(text.trim(), 350);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new search text triggers this; the other filters are passed along.
  useEffect(() => {
    if ((value.q ?? '') !== q) onChange({ ...value, q: q || undefined });
  }, [q]);
  const set = (patch: Partial<OpportunityFilterValues>) => onChange({ ...value, ...patch });

  return (
    <Flex gap="small" wrap style={{ marginBottom: 16 }}>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('opportunities.searchPlaceholder')}
        aria-label={t('opportunities.searchPlaceholder')}
        value={text}
        onChange={(event) => setText(event.target.value)}
        style={{ width: 300 }}
        data-testid="opportunity-search"
      />
      <Select
        allowClear
        placeholder={t('opportunities.fields.stage')}
        aria-label={t('opportunities.fields.stage')}
        value={value.stage}
        onChange={(stage?: string) => set({ stage })}
        options={stages.map((s) => ({ value: s.key, label: s.name }))}
        style={{ width: 140 }}
        data-testid="filter-stage"
      />
      <Select
        allowClear
        placeholder={t('opportunities.fields.status')}
        aria-label={t('opportunities.fields.status')}
        value={value.status}
        onChange={(status?: OpportunityStatus) => set({ status })}
        options={labels.statusOptions}
        style={{ width: 120 }}
        data-testid="filter-status"
      />
      <Select
        allowClear
        placeholder={t('opportunities.fields.source')}
        aria-label={t('opportunities.fields.source')}
        value={value.source}
        onChange={(source?: OpportunitySource) => set({ source })}
        options={labels.sourceOptions}
        style={{ width: 140 }}
      />
      <UserPicker
        allowClear
        placeholder={t('opportunities.fields.owner')}
        aria-label={t('opportunities.fields.owner')}
        value={value.owner}
        onChange={(owner?: string) => set({ owner })}
        style={{ width: 200 }}
      />
      <PortSelect
        placeholder={t('opportunities.fields.pol')}
        aria-label={t('opportunities.fields.pol')}
        value={value.pol}
        onChange={(pol?: string) => set({ pol, pod: pol ? value.pod : undefined })}
        style={{ width: 200 }}
      />
      <PortSelect
        placeholder={t('opportunities.fields.pod')}
        aria-label={t('opportunities.fields.pod')}
        value={value.pod}
        disabled={!value.pol}
        onChange={(pod?: string) => set({ pod })}
        style={{ width: 200 }}
      />
    </Flex>
  );
}
