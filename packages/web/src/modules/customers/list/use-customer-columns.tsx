import type { Customer } from '@berth/domain';
import type { TableColumnsType } from 'antd';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useUserLookup } from '../../../app/directory-lookups';
import { formatDateTime } from '../../../app/format';
import { useCan } from '../../../app/permissions';
import { useFormatMoney } from '../../../app/use-format-money';
import { useReferenceNames } from '../../../app/use-reference-names';
import { CustomerStatusTag } from '../customer-status-tag';
import { CustomerTagList } from '../customer-tag-list';
import { useCustomerLabels } from '../use-customer-labels';

/** The columns the list can be sorted by, with the API's sort name. */
const sortableColumns = {
  code: 'code',
  name: 'name',
  createdAt: 'createdAt',
  lastFollowUpAt: 'lastFollowUpAt',
  nextFollowUpAt: 'nextFollowUpAt',
  lastShipmentAt: 'lastShipmentAt',
  shipments12m: 'shipments12m',
  teu12m: 'teu12m',
  revenue12m: 'revenue12m',
} as const;

/** Every column of the list by key, in order: what the column chooser offers and a saved view keeps. */
export const customerColumnKeys = [
  'code',
  'name',
  'status',
  'relationshipType',
  'country',
  'owner',
  'tags',
  'lastFollowUpAt',
  'nextFollowUpAt',
  'openPipeline',
  'lastShipmentAt',
  'shipments12m',
  'teu12m',
  'revenue12m',
  'updatedAt',
  'createdAt',
] as const;
export type CustomerColumnKey = (typeof customerColumnKeys)[number];

/** The columns a saved view or the address names, in the list's order; all when none (or none known) is named. */
export function visibleCustomerColumns(columns: string | undefined): CustomerColumnKey[] {
  const named = new Set((columns ?? '').split(',').filter(Boolean));
  const shown = customerColumnKeys.filter((key) => named.has(key));
  return shown.length ? shown : [...customerColumnKeys];
}

/** The antd sort state of a column for the list's `sort` value. */
function sortOrderOf(sort: string | undefined, field: string): 'ascend' | 'descend' | null {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

export function useCustomerColumns(sort?: string, columns?: string): TableColumnsType<Customer> {
  const { t } = useTranslation();
  const labels = useCustomerLabels();
  const names = useReferenceNames();
  const users = useUserLookup().byId;
  const formatMoney = useFormatMoney();
  const can = useCan();
  const shown = new Set<string>(visibleCustomerColumns(columns));
  /** A roll-up column sorts by the API's order of the same name; customers without shipments stay last. */
  const rollupSort = (key: keyof typeof sortableColumns) => ({
    key: sortableColumns[key],
    sorter: true,
    sortDirections: ['descend', 'ascend'] as ('descend' | 'ascend')[],
    sortOrder: sortOrderOf(sort, key),
  });

  const all: TableColumnsType<Customer> = [
    {
      title: t('customers.fields.code'),
      dataIndex: 'code',
      key: sortableColumns.code,
      width: 120,
      sorter: true,
      sortOrder: sortOrderOf(sort, 'code'),
      render: (code: string, customer) => (
        <Link to={`/customers/${encodeURIComponent(customer.id)}`} data-testid="customer-link">
          {code}
        </Link>
      ),
    },
    {
      title: t('customers.fields.name'),
      key: sortableColumns.name,
      sorter: true,
      sortOrder: sortOrderOf(sort, 'name'),
      render: (_value, customer) => (
        <>
          <div>{customer.name}</div>
          {customer.nameEn && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {customer.nameEn}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: t('customers.fields.status'),
      key: 'status',
      dataIndex: 'status',
      render: (status: string) => <CustomerStatusTag status={status} />,
    },
    {
      title: t('customers.fields.relationshipType'),
      key: 'relationshipType',
      dataIndex: 'relationshipType',
      render: (value: string | null) => labels.relationshipType(value),
    },
    {
      title: t('customers.fields.country'),
      key: 'country',
      dataIndex: 'country',
      render: (code: string | null) => names.country(code),
    },
    {
      title: t('customers.fields.owner'),
      key: 'owner',
      dataIndex: 'ownerId',
      render: (ownerId: string | null) => (ownerId && users.get(ownerId)?.name) || t('common.none'),
    },
    {
      title: t('customers.fields.tags'),
      key: 'tags',
      dataIndex: 'tagIds',
      render: (tagIds: string[]) => <CustomerTagList tagIds={tagIds} />,
    },
    {
      title: t('customers.fields.lastFollowUpAt'),
      dataIndex: 'lastFollowUpAt',
      key: sortableColumns.lastFollowUpAt,
      render: (value: string | null | undefined) => formatDateTime(value),
      sorter: true,
      sortOrder: sortOrderOf(sort, 'lastFollowUpAt'),
    },
    {
      title: t('customers.fields.nextFollowUpAt'),
      dataIndex: 'nextFollowUpAt',
      key: sortableColumns.nextFollowUpAt,
      render: (value: string | null | undefined) => formatDateTime(value),
      sorter: true,
      sortOrder: sortOrderOf(sort, 'nextFollowUpAt'),
    },
    {
      title: t('customers.fields.openPipeline'),
      key: 'openPipeline',
      dataIndex: 'openPipeline',
      align: 'right',
      // One line per currency, never converted; hidden (—) without the revenue right.
      render: (pipeline: Customer['openPipeline']) =>
        pipeline?.length ? (
          <span data-testid="open-pipeline">
            {pipeline.map((money) => (
              <div key={money.currency}>{formatMoney(money)}</div>
            ))}
          </span>
        ) : (
          t('common.none')
        ),
    },
    {
      title: t('customers.fields.lastShipmentAt'),
      ...rollupSort('lastShipmentAt'),
      render: (_value, customer) => formatDateTime(customer.shipmentRollup?.lastShipmentAt),
    },
    {
      title: t('customers.fields.shipments12m'),
      ...rollupSort('shipments12m'),
      align: 'right',
      render: (_value, customer) => customer.shipmentRollup?.shipments12m ?? t('common.none'),
    },
    {
      title: t('customers.fields.teu12m'),
      ...rollupSort('teu12m'),
      align: 'right',
      render: (_value, customer) => customer.shipmentRollup?.teu12m ?? t('common.none'),
    },
    {
      title: t('customers.fields.revenue12m'),
      key: sortableColumns.revenue12m,
      // The server refuses the order to a role that sees no revenue at all; such a role gets no sorter.
      ...(can('revenue', 'read') ? rollupSort('revenue12m') : {}),
      align: 'right',
      render: (_value, customer) => {
        const revenue = customer.shipmentRollup?.revenue12m;
        return revenue ? formatMoney(revenue) : t('common.none');
      },
    },
    { title: t('customers.fields.updatedAt'), key: 'updatedAt', dataIndex: 'updatedAt', render: formatDateTime },
    {
      title: t('customers.fields.createdAt'),
      dataIndex: 'createdAt',
      key: sortableColumns.createdAt,
      render: formatDateTime,
      sorter: true,
      sortDirections: ['descend', 'ascend'],
      sortOrder: sortOrderOf(sort ?? '-createdAt', 'createdAt'),
    },
  ];
  return all.filter((column) => shown.has(String(column.key)));
}
