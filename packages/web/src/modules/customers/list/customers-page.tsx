import { ImportOutlined, PlusOutlined, TagsOutlined } from '@ant-design/icons';
import { endpoints } from '@berth/domain';
import { Alert, Button, Flex, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '../../../app/api-error';
import { useCan } from '../../../app/permissions';
import { useKeysetList } from '../../../app/use-keyset-list';
import { LoadMore } from '../../../components/load-more';
import { PageTitle } from '../../../components/page-title';
import { customerKeys } from '../query-keys';
import { BulkTagModal } from './bulk-tag-modal';
import { CustomerColumnChooser } from './customer-column-chooser';
import { CustomerCount } from './customer-count';
import { CustomerExportButton } from './customer-export-button';
import { CustomerFilters } from './customer-filters';
import { CustomerViewBar } from './customer-view-bar';
import { useCustomerColumns } from './use-customer-columns';
import { customerListParams, useCustomerFilters } from './use-customer-filters';

/** Clicks on these inside a row do their own thing instead of opening the customer. */
const interactive = 'a, button, input, label, .ant-table-selection-column, .ant-checkbox-wrapper';

export function CustomersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [filters, setFilters] = useCustomerFilters();
  const [selected, setSelected] = useState<string[]>([]);
  const [tagging, setTagging] = useState(false);
  const [applied, setApplied] = useState(0);
  const params = useMemo(() => customerListParams(filters), [filters]);
  const list = useKeysetList({
    queryKey: customerKeys.customers,
    endpoint: endpoints.customers.list,
    query: params,
  });
  const columns = useCustomerColumns(filters.sort, filters.columns);
  const canTag = can('customers', 'update') && can('tags', 'read');

  // A new filter shows other customers; a selection from before would act on rows no longer in view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset whenever the filters change.
  useEffect(() => setSelected([]), [params]);

  return (
    <>
      <PageTitle
        title={t('customers.title')}
        extra={
          <>
            {canTag && (
              <Button
                icon={<TagsOutlined />}
                disabled={selected.length === 0}
                onClick={() => setTagging(true)}
                data-testid="bulk-tag"
              >
                {t('customers.bulkTag')}
              </Button>
            )}
            {can('customers', 'export') && <CustomerExportButton params={params} />}
            {can('customers', 'create') && (
              <Button
                icon={<ImportOutlined />}
                onClick={() => navigate('/customers/import')}
                data-testid="import-customers"
              >
                {t('customers.import')}
              </Button>
            )}
            {can('customers', 'create') && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/customers/new')}
                data-testid="create-customer"
              >
                {t('customers.create')}
              </Button>
            )}
          </>
        }
      />
      <CustomerViewBar
        filters={filters}
        onApply={(next) => {
          setFilters(next);
          setApplied((n) => n + 1);
        }}
      />
      {/* A view applied from outside resets the filter bar, search text included. */}
      <CustomerFilters key={applied} value={filters} onChange={setFilters} />
      {filters.segment && isApiError(list.error) && list.error.status === 404 && (
        <Alert
          type="warning"
          showIcon
          message={t('segments.notFound')}
          action={
            <Button size="small" onClick={() => setFilters({ ...filters, segment: undefined })}>
              {t('segments.clearSegment')}
            </Button>
          }
          style={{ marginBottom: 16 }}
          data-testid="segment-not-found"
        />
      )}
      <Flex justify="space-between" align="center" gap={8} style={{ marginBottom: 8 }}>
        <Space size={16}>
          <CustomerCount params={params} />
          {canTag && selected.length > 0 && (
            <Typography.Text type="secondary">
              {t('customers.selectedCount', { count: selected.length })}
            </Typography.Text>
          )}
        </Space>
        <CustomerColumnChooser value={filters.columns} onChange={(next) => setFilters({ ...filters, columns: next })} />
      </Flex>
      <Table
        rowKey="id"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="customer-table"
        onChange={(_pagination, _filters, sorter) => {
          const { columnKey, order } = Array.isArray(sorter) ? (sorter[0] ?? {}) : sorter;
          const field = typeof columnKey === 'string' && order ? columnKey : undefined;
          const sort = field ? (order === 'descend' ? `-${field}` : field) : undefined;
          setFilters({ ...filters, sort: sort === '-createdAt' ? undefined : sort });
        }}
        rowSelection={
          canTag
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                preserveSelectedRowKeys: true,
              }
            : undefined
        }
        onRow={(customer) => ({
          style: { cursor: 'pointer' },
          onClick: (event) => {
            if ((event.target as HTMLElement).closest(interactive)) return;
            navigate(`/customers/${encodeURIComponent(customer.id)}`);
          },
        })}
      />
      <LoadMore
        count={list.items.length}
        hasMore={list.hasMore}
        loading={list.loadingMore}
        onLoadMore={list.loadMore}
      />
      {tagging && (
        <BulkTagModal
          customerIds={selected}
          onCancel={() => setTagging(false)}
          onDone={() => {
            setTagging(false);
            setSelected([]);
          }}
        />
      )}
    </>
  );
}
