import { SearchOutlined } from '@ant-design/icons';
import { endpoints } from '@berth/domain';
import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, DatePicker, Flex, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../app/api/call';
import { useDebouncedValue } from '../../../app/use-debounced-value';
import { PortSelect } from '../../../components/port-select';
import { TransportModeSelect } from '../../../components/transport-mode-select';
import { customerDetailKey } from '../../customers';
import { CustomerPicker } from '../../opportunities';
import { useShipmentLabels } from '../use-shipment-labels';
import { hasFilters, type ShipmentFilterValues } from './use-shipment-filters';

const day = 'YYYY-MM-DD';
const range = (from?: string, to?: string): [Dayjs | null, Dayjs | null] | null =>
  from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null;

interface ShipmentFiltersProps {
  value: ShipmentFilterValues;
  onChange: (value: ShipmentFilterValues) => void;
}

/** The shipment list's filters: search, customer, mode, status, lane, ETD and ETA ranges, exceptions only. */
export function ShipmentFilters({ value, onChange }: ShipmentFiltersProps) {
  const { t } = useTranslation();
  const labels = useShipmentLabels();
  const [text, setText] = useState(value.q ?? '');
  const q = useDebouncedValue(text.trim(), 350);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new search text triggers this; the other filters are passed along.
  useEffect(() => {
    if ((value.q ?? '') !== q) onChange({ ...value, q: q || undefined });
  }, [q]);
  const set = (patch: Partial<ShipmentFilterValues>) => onChange({ ...value, ...patch });
  // A customer filter from the address (a link, "back") shows the customer's name, not its id.
  const customerId = value.customerId;
  const { data: customer } = useQuery({
    queryKey: customerDetailKey(customerId ?? ''),
    queryFn: ({ signal }) => call(endpoints.customers.get, { params: { id: customerId ?? '' }, signal }),
    enabled: !!customerId,
    retry: false,
    staleTime: 60_000,
  });

  return (
    <Flex gap="small" wrap style={{ marginBottom: 16 }} data-testid="shipment-filters">
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('shipments.searchPlaceholder')}
        aria-label={t('shipments.searchPlaceholder')}
        value={text}
        onChange={(event) => setText(event.target.value)}
        style={{ width: 260 }}
        data-testid="shipment-search"
      />
      <CustomerPicker
        value={customerId}
        initialLabel={customer?.name}
        onChange={(next) => set({ customerId: next })}
        placeholder={t('shipments.filterCustomer')}
        allowClear
        style={{ width: 220 }}
        data-testid="filter-customer"
      />
      <TransportModeSelect
        allowClear
        placeholder={t('shipments.filterMode')}
        aria-label={t('shipments.filterMode')}
        value={value.mode}
        onChange={(mode) => set({ mode: typeof mode === 'string' ? mode : undefined })}
        style={{ width: 120 }}
        data-testid="filter-mode"
      />
      <Select
        allowClear
        placeholder={t('shipments.filterStatus')}
        aria-label={t('shipments.filterStatus')}
        value={value.status}
        onChange={(status?: string) => set({ status })}
        options={labels.statusOptions}
        style={{ width: 140 }}
        data-testid="filter-status"
      />
      <PortSelect
        placeholder={t('shipments.pol')}
        aria-label={t('shipments.pol')}
        value={value.pol}
        onChange={(pol?: string) => set({ pol })}
        style={{ width: 160 }}
        popupMatchSelectWidth={false}
        data-testid="filter-pol"
      />
      <PortSelect
        placeholder={t('shipments.pod')}
        aria-label={t('shipments.pod')}
        value={value.pod}
        onChange={(pod?: string) => set({ pod })}
        disabled={!value.pol && !value.pod}
        style={{ width: 160 }}
        popupMatchSelectWidth={false}
        data-testid="filter-pod"
      />
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        placeholder={[t('shipments.etdFrom'), t('shipments.etdTo')]}
        value={range(value.etdFrom, value.etdTo)}
        onChange={(dates) =>
          set({ etdFrom: dates?.[0]?.format(day) ?? undefined, etdTo: dates?.[1]?.format(day) ?? undefined })
        }
        data-testid="filter-etd"
      />
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        placeholder={[t('shipments.etaFrom'), t('shipments.etaTo')]}
        value={range(value.etaFrom, value.etaTo)}
        onChange={(dates) =>
          set({ etaFrom: dates?.[0]?.format(day) ?? undefined, etaTo: dates?.[1]?.format(day) ?? undefined })
        }
        data-testid="filter-eta"
      />
      <Checkbox
        checked={value.exception === 'true'}
        onChange={(event) => set({ exception: event.target.checked ? 'true' : undefined })}
        data-testid="filter-exceptions"
      >
        {t('shipments.exceptionsOnly')}
      </Checkbox>
      {hasFilters(value) && (
        <Button
          onClick={() => {
            setText('');
            onChange({});
          }}
          data-testid="clear-filters"
        >
          {t('shipments.clearFilters')}
        </Button>
      )}
    </Flex>
  );
}
