import { ArrowRightOutlined } from '@ant-design/icons';
import type { Customer } from '@berth/domain';
import { Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../app/format';
import { useReferenceNames } from '../../../app/use-reference-names';
import { useCustomerLabels } from '../use-customer-labels';

type Lane = Customer['tradeProfile']['lanes'][number];
type LaneRow = Lane & { index: number };

/** The customer's lanes, POL → POD with port names in the UI language. */
export function CustomerLanes({ customer }: { customer: Customer }) {
  const { t, i18n } = useTranslation();
  const labels = useCustomerLabels();
  const names = useReferenceNames();
  const rows: LaneRow[] = customer.tradeProfile.lanes.map((lane, index) => ({ ...lane, index }));

  const port = (code: string) => (
    <>
      {names.port(code)} <Typography.Text type="secondary">{code}</Typography.Text>
    </>
  );
  const columns: TableColumnsType<LaneRow> = [
    {
      title: t('customers.laneRoute'),
      key: 'route',
      render: (_value, lane) => (
        <span data-testid="lane-route">
          {port(lane.pol)} <ArrowRightOutlined aria-hidden /> {port(lane.pod)}
        </span>
      ),
    },
    { title: t('customers.fields.mode'), dataIndex: 'mode', render: (mode: string) => labels.mode(mode) },
    {
      title: t('customers.fields.volume'),
      key: 'volume',
      align: 'right',
      render: (_value, lane) =>
        lane.volume === null || lane.volume === undefined
          ? t('common.none')
          : [
              formatNumber(lane.volume, i18n.language),
              lane.volumeUnit ? labels.unit(lane.volumeUnit) : '',
              lane.volumePeriod ? labels.volumePeriod(lane.volumePeriod) : '',
            ]
              .filter(Boolean)
              .join(' '),
    },
  ];

  return (
    <Table
      rowKey="index"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: t('customers.noLanes') }}
      data-testid="customer-lanes"
    />
  );
}
