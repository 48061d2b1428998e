import {
  endpoints,
  type Locale,
  type ShipmentReport,
  type ShipmentReportGroup,
  type ShipmentReportGrouping,
  shipmentReportGroupings,
  type TransportMode,
} from '@berth/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, DatePicker, Flex, Segmented, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { call } from '../../app/api/call';
import { ApiError } from '../../app/api-error';
import { formatNumber } from '../../app/format';
import { useTransportModes } from '../../app/use-transport-modes';
import { pickerNow } from '../../app/zoned-picker';
import { type ChartOption, EChart } from '../../components/echart';
import { PageTitle } from '../../components/page-title';
import { formatAmount, marginPercent, shipmentListLink } from './report-links';

type Metric = 'shipments' | 'teu' | 'revenue' | 'grossProfit';
const currencies = ['CNY', 'USD', 'EUR', 'HKD', 'JPY'];
/** Customers and lanes in the chart: the biggest ones; the table lists them all. */
const chartTop = 15;

const metricValue = (group: ShipmentReport['totals'], metric: Metric): number =>
  metric === 'shipments'
    ? group.shipments
    : metric === 'teu'
      ? group.teu
      : // Plotting only: the chart needs numbers; the table shows the decimal strings.
        Number(group[metric]?.amount ?? 0);

/** The shipments report: volume, revenue and gross profit by month, customer or lane, drilling down to the list. */
export function ShipmentReportPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const modes = useTransportModes();
  const [groupBy, setGroupBy] = useState<ShipmentReportGrouping>('month');
  // The last twelve months up to today on the user's calendar (their zone, else the organisation's), not the machine's:
  // the report counts a shipment on its ETD's day in that calendar.
  const [period, setPeriod] = useState<[Dayjs | null, Dayjs | null] | null>(() => {
    const today = pickerNow();
    return [today.subtract(11, 'month').startOf('month'), today];
  });
  const [mode, setMode] = useState<TransportMode | undefined>(undefined);
  const [currency, setCurrency] = useState<string | undefined>(undefined);
  const [metric, setMetric] = useState<Metric>('teu');
  const from = period?.[0]?.format('YYYY-MM-DD');
  const to = period?.[1]?.format('YYYY-MM-DD');

  const report = useQuery({
    queryKey: ['reports', 'shipments', groupBy, from, to, mode, currency],
    queryFn: ({ signal }) =>
      call(endpoints.reports.shipments, { query: { groupBy, from, to, mode, currency }, signal }),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const data = report.data;
  const moneyShown = data?.totals.revenue !== null && data?.totals.revenue !== undefined;
  const money = (value: { amount: string; currency: string } | null) =>
    value ? `${formatAmount(value.amount, i18n.language)} ${value.currency}` : t('common.none');
  const labelOf = useCallback(
    (group: ShipmentReportGroup) =>
      groupBy === 'customer' && !group.customerId
        ? t('shipmentReport.noCustomer')
        : groupBy === 'lane'
          ? `${group.pol ?? '?'} → ${group.pod ?? '?'} · ${modes.label(group.mode)}`
          : group.label,
    [groupBy, modes, t],
  );

  const chartGroups = useMemo(() => {
    const groups = data?.groups ?? [];
    if (groupBy === 'month') return groups;
    return [...groups]
      .sort((a, b) => metricValue(b, metric) - metricValue(a, metric))
      .slice(0, chartTop)
      .reverse();
  }, [data, groupBy, metric]);

  const option = useMemo<ChartOption>(() => {
    const labels = chartGroups.map(labelOf);
    const values = chartGroups.map((g) => metricValue(g, metric));
    const name = t(`shipmentReport.metrics.${metric}`);
    if (groupBy === 'month') {
      const profit = moneyShown && metric !== 'grossProfit';
      return {
        tooltip: { trigger: 'axis' },
        legend: { top: 0, data: profit ? [name, t('shipmentReport.metrics.grossProfit')] : [name] },
        grid: { left: 60, right: profit ? 70 : 20, top: 40, bottom: 30 },
        xAxis: { type: 'category', data: labels },
        yAxis: profit ? [{ type: 'value' }, { type: 'value', position: 'right' }] : [{ type: 'value' }],
        series: [
          { name, type: 'bar', data: values, itemStyle: { color: '#1677ff' } },
          ...(profit
            ? [
                {
                  name: t('shipmentReport.metrics.grossProfit'),
                  type: 'line',
                  yAxisIndex: 1,
                  smooth: true,
                  data: chartGroups.map((g) => metricValue(g, 'grossProfit')),
                  itemStyle: { color: '#52c41a' },
                },
              ]
            : []),
        ],
      };
    }
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 220, right: 30, top: 20, bottom: 30 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: labels, axisLabel: { width: 200, overflow: 'truncate' } },
      series: [{ name, type: 'bar', data: values, itemStyle: { color: '#1677ff' } }],
    };
  }, [chartGroups, metric, groupBy, moneyShown, t, labelOf]);

  const columns: ColumnsType<ShipmentReportGroup> = [
    {
      title: t('shipmentReport.columns.group'),
      key: 'group',
      render: (_, group) => (
        <Link to={shipmentListLink(group.filter)} data-testid={`report-drill-${group.key}`}>
          {labelOf(group)}
        </Link>
      ),
    },
    { title: t('shipmentReport.columns.shipments'), dataIndex: 'shipments', align: 'right' },
    {
      title: t('shipmentReport.columns.teu'),
      dataIndex: 'teu',
      align: 'right',
      render: (v: number) => formatNumber(v, i18n.language),
    },
    {
      title: t('shipmentReport.columns.cbm'),
      dataIndex: 'cbm',
      align: 'right',
      render: (v: number) => formatNumber(v, i18n.language),
    },
    {
      title: t('shipmentReport.columns.kg'),
      dataIndex: 'kg',
      align: 'right',
      render: (v: number) => formatNumber(v, i18n.language),
    },
    ...(moneyShown
      ? ([
          {
            title: t('shipmentReport.columns.revenue'),
            key: 'revenue',
            align: 'right',
            render: (_, g) => money(g.revenue),
          },
          {
            title: t('shipmentReport.columns.grossProfit'),
            key: 'grossProfit',
            align: 'right',
            render: (_, g) => money(g.grossProfit),
          },
          {
            title: t('shipmentReport.columns.margin'),
            key: 'margin',
            align: 'right',
            render: (_, g) => {
              const margin = marginPercent(g.revenue?.amount, g.grossProfit?.amount);
              return margin === null ? t('common.none') : `${margin}%`;
            },
          },
        ] as ColumnsType<ShipmentReportGroup>)
      : []),
  ];

  const error =
    report.error instanceof ApiError ? report.error.displayMessage(i18n.language as Locale) : report.error?.message;

  return (
    <div data-testid="shipment-report">
      <PageTitle title={t('shipmentReport.title')} />
      <Typography.Paragraph type="secondary">{t('shipmentReport.intro')}</Typography.Paragraph>
      <Flex gap="small" wrap align="center" style={{ marginBottom: 16 }}>
        <Segmented
          value={groupBy}
          onChange={(value) => setGroupBy(value as ShipmentReportGrouping)}
          options={shipmentReportGroupings.map((g) => ({ value: g, label: t(`shipmentReport.groups.${g}`) }))}
          data-testid="report-group-by"
        />
        <DatePicker.RangePicker
          value={period}
          onChange={(value) => setPeriod(value)}
          allowEmpty={[true, true]}
          aria-label={t('shipmentReport.period')}
        />
        <Select
          allowClear
          placeholder={t('shipmentReport.allModes')}
          value={mode}
          onChange={(value) => setMode(value)}
          options={modes.options}
          style={{ width: 140 }}
          aria-label={t('shipmentReport.mode')}
        />
        <Select
          allowClear
          placeholder={t('shipmentReport.defaultCurrency')}
          value={currency}
          onChange={(value) => setCurrency(value)}
          options={currencies.map((c) => ({ value: c, label: c }))}
          style={{ width: 170 }}
          aria-label={t('shipmentReport.currency')}
          data-testid="report-currency"
        />
      </Flex>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="report-error" />}
      {data && !moneyShown && (
        <Alert type="info" showIcon message={t('shipmentReport.moneyNotShown')} style={{ marginBottom: 16 }} />
      )}
      {data && moneyShown && data.totals.moneyHidden > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('shipmentReport.moneyHidden', { count: data.totals.moneyHidden })}
          style={{ marginBottom: 16 }}
        />
      )}
      <Card
        style={{ marginBottom: 16 }}
        title={groupBy === 'month' ? undefined : t('shipmentReport.top', { count: chartTop })}
        extra={
          <Segmented
            value={metric}
            onChange={(value) => setMetric(value as Metric)}
            options={(['teu', 'shipments', ...(moneyShown ? ['revenue', 'grossProfit'] : [])] as Metric[]).map((m) => ({
              value: m,
              label: t(`shipmentReport.metrics.${m}`),
            }))}
            aria-label={t('shipmentReport.metric')}
          />
        }
      >
        <EChart
          option={option}
          testId="report-chart"
          onClick={(index) => {
            const group = chartGroups[index];
            if (group) navigate(shipmentListLink(group.filter));
          }}
          style={groupBy === 'month' ? undefined : { height: Math.max(240, chartGroups.length * 26 + 60) }}
        />
      </Card>
      <Card>
        <Table<ShipmentReportGroup>
          rowKey="key"
          size="small"
          loading={report.isFetching}
          dataSource={data?.groups ?? []}
          columns={columns}
          pagination={groupBy === 'month' ? false : { pageSize: 50, showSizeChanger: false }}
          locale={{ emptyText: t('shipmentReport.empty') }}
          data-testid="report-table"
          summary={() =>
            data ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <Typography.Text strong>{t('shipmentReport.total')}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  <span data-testid="report-total-shipments">{data.totals.shipments}</span>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {formatNumber(data.totals.teu, i18n.language)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {formatNumber(data.totals.cbm, i18n.language)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  {formatNumber(data.totals.kg, i18n.language)}
                </Table.Summary.Cell>
                {moneyShown && (
                  <>
                    <Table.Summary.Cell index={5} align="right">
                      {money(data.totals.revenue)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={6} align="right">
                      {money(data.totals.grossProfit)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={7} align="right">
                      {(() => {
                        const margin = marginPercent(data.totals.revenue?.amount, data.totals.grossProfit?.amount);
                        return margin === null ? t('common.none') : `${margin}%`;
                      })()}
                    </Table.Summary.Cell>
                  </>
                )}
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>
    </div>
  );
}
