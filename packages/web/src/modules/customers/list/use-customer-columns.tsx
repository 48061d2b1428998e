import type { Customer } from '@berth/domain';
import type { TableColumnsType } from 'antd';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useUserLookup } from '../../../app/directory-lookups';
import { formatDateTime } from '../../../app/format';
import { useReferenceNames } from '../../../app/use-reference-names';
import { CustomerStatusTag } from '../customer-status-tag';
import { CustomerTagList } from '../customer-tag-list';
import { useCustomerLabels } from '../use-customer-labels';

/** The columns the list can be sorted by, with the API's sort name. */
const sortableColumns = { code: 'code', name: 'name', createdAt: 'createdAt' } as const;

/** The antd sort state of a column for the list's `sort` value. */
function sortOrderOf(sort: string | undefined, field: string): 'ascend' | 'descend' | null {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

export function useCustomerColumns(sort?: string): TableColumnsType<Customer> {
  const { t } = useTranslation();
  const labels = useCustomerLabels();
  const names = useReferenceNames();
  const users = useUserLookup().byId;

  return [
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
      dataIndex: 'status',
      render: (status: string) => <CustomerStatusTag status={status} />,
    },
    {
      title: t('customers.fields.relationshipType'),
      dataIndex: 'relationshipType',
      render: (value: string | null) => labels.relationshipType(value),
    },
    {
      title: t('customers.fields.country'),
      dataIndex: 'country',
      render: (code: string | null) => names.country(code),
    },
    {
      title: t('customers.fields.owner'),
      dataIndex: 'ownerId',
      render: (ownerId: string | null) => (ownerId && users.get(ownerId)?.name) || t('common.none'),
    },
    {
      title: t('customers.fields.tags'),
      dataIndex: 'tagIds',
      render: (tagIds: string[]) => <CustomerTagList tagIds={tagIds} />,
    },
    { title: t('customers.fields.updatedAt'), dataIndex: 'updatedAt', render: formatDateTime },
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
}
