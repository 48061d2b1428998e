import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../../app/use-debounced-value';
import { type MergeSource, useMergeSearch } from './use-merge-customer';

const searchDebounceMs = 300;

export function mergeSourceLabel(source: MergeSource): string {
  return `${source.code} ${source.name}${source.nameEn ? ` / ${source.nameEn}` : ''}`;
}

interface MergeSourceSelectProps {
  /** The customer being kept: never offered. */
  excludeId: string;
  /** The customer chosen so far (also when picked from the suggestions), so its name shows. */
  selected: MergeSource | null;
  onPick: (source: MergeSource | null) => void;
  /** Set by the surrounding Form.Item. */
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
}

/** Searches the customer list on the server (code, name, pinyin, credit code, phone…) for the record to merge in. */
export function MergeSourceSelect({ excludeId, selected, onPick, value, onChange, id }: MergeSourceSelectProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), searchDebounceMs);
  const { found, loading } = useMergeSearch(q, excludeId);

  const byId = useMemo(() => {
    const map = new Map(found.map((source) => [source.id, source]));
    if (selected && !map.has(selected.id)) map.set(selected.id, selected);
    return map;
  }, [found, selected]);
  const options = [...byId.values()].map((source) => ({ value: source.id, label: mergeSourceLabel(source) }));

  return (
    <Select<string>
      id={id}
      allowClear
      value={value}
      placeholder={t('customers.merge.sourcePlaceholder')}
      aria-label={t('customers.merge.source')}
      showSearch={{ filterOption: false, onSearch: setText }}
      loading={loading}
      options={options}
      onChange={(next) => {
        setText('');
        onChange?.(next);
        onPick(next ? (byId.get(next) ?? null) : null);
      }}
      style={{ width: '100%' }}
      data-testid="merge-source"
    />
  );
}
