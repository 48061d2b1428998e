import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { type ExchangeRateDto, endpoints } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Popconfirm, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../app/api/call';
import { formatDateTime } from '../../../app/format';
import { useCan } from '../../../app/permissions';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useKeysetList } from '../../../app/use-keyset-list';
import { CurrencySelect } from '../../../components/currency-select';
import { KeysetTable } from '../../../components/keyset-table';
import { PageTitle } from '../../../components/page-title';
import { adminKeys } from '../query-keys';
import { ConverterCard } from './converter-card';
import { ExchangeRateModal } from './exchange-rate-modal';

/** The organisation's dated exchange rates: a list by pair and day, entering and removing rates, and a converter check. */
export function ExchangeRatesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const editable = can('exchangeRates', 'update');
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [filters, setFilters] = useState<{ base?: string; quote?: string }>({});
  const list = useKeysetList({
    queryKey: adminKeys.exchangeRates,
    endpoint: endpoints.exchangeRates.list,
    query: filters,
  });

  const remove = useMutation({
    mutationFn: (rate: ExchangeRateDto) =>
      call(endpoints.exchangeRates.delete, { params: { base: rate.base, quote: rate.quote, date: rate.date } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.exchangeRates });
      void message.success(t('common.deleted'));
    },
    onError: (error) => handleError(error),
  });

  const columns = useMemo<ColumnsType<ExchangeRateDto>>(
    () => [
      { key: 'date', title: t('exchangeRates.date'), dataIndex: 'date' },
      { key: 'pair', title: t('exchangeRates.pair'), render: (_, r) => `${r.base}/${r.quote}` },
      {
        key: 'rate',
        title: t('exchangeRates.rate'),
        render: (_, r) => (
          <span title={t('exchangeRates.meaning', { base: r.base, quote: r.quote, rate: r.rate })}>{r.rate}</span>
        ),
      },
      {
        key: 'source',
        title: t('exchangeRates.source'),
        render: (_, r) => <Tag>{t(`exchangeRates.sources.${r.source}`, { defaultValue: r.source })}</Tag>,
      },
      { key: 'createdAt', title: t('exchangeRates.createdAt'), render: (_, r) => formatDateTime(r.createdAt) },
      ...(editable
        ? [
            {
              key: 'actions',
              title: t('common.actions'),
              render: (_: unknown, r: ExchangeRateDto) => (
                <Popconfirm
                  title={t('common.confirmDelete', { name: `${r.base}/${r.quote} ${r.date}` })}
                  onConfirm={() => remove.mutate(r)}
                >
                  <Button
                    type="link"
                    danger
                    icon={<DeleteOutlined />}
                    data-testid={`delete-rate-${r.base}-${r.quote}-${r.date}`}
                  >
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              ),
            },
          ]
        : []),
    ],
    [t, editable, remove],
  );

  return (
    <>
      <PageTitle
        title={t('exchangeRates.title')}
        extra={
          editable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-rate">
              {t('exchangeRates.add')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('exchangeRates.intro')}</Typography.Paragraph>
      <ConverterCard />
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Form.Item label={t('exchangeRates.base')}>
            <CurrencySelect
              allowClear
              value={filters.base}
              onChange={(base) => setFilters((f) => ({ ...f, base: base || undefined }))}
              style={{ width: 140 }}
              data-testid="filter-base"
            />
          </Form.Item>
          <Form.Item label={t('exchangeRates.quote')}>
            <CurrencySelect
              allowClear
              value={filters.quote}
              onChange={(quote) => setFilters((f) => ({ ...f, quote: quote || undefined }))}
              style={{ width: 140 }}
              data-testid="filter-quote"
            />
          </Form.Item>
        </Space>
      </Form>
      <KeysetTable list={list} columns={columns} rowKey={(r) => `${r.base}/${r.quote}/${r.date}`} />
      {adding && (
        <ExchangeRateModal
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            void queryClient.invalidateQueries({ queryKey: adminKeys.exchangeRates });
            void message.success(t('common.saved'));
          }}
        />
      )}
    </>
  );
}
