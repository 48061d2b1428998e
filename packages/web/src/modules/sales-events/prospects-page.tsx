import { SearchOutlined, SwapOutlined } from '@ant-design/icons';
import { endpoints, type Prospect } from '@berth/domain';
import { Button, Checkbox, Flex, Input, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../app/format';
import { useCan } from '../../app/permissions';
import { useDebouncedValue } from '../../app/use-debounced-value';
import { useKeysetList } from '../../app/use-keyset-list';
import { useReferenceNames } from '../../app/use-reference-names';
import { CountrySelect } from '../../components/country-select';
import { LoadMore } from '../../components/load-more';
import { PageTitle } from '../../components/page-title';
import { UserPicker } from '../../components/user-picker';
import { ProspectAssignModal } from './prospect-assign-modal';
import { salesEventKeys } from './query-keys';

/** 客户开发: prospects to develop, filtered, selected and handed out to reps by hand or round robin. */
export function ProspectsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const names = useReferenceNames();
  const [text, setText] = useState('');
  const [country, setCountry] = useState<string | undefined>();
  const [ownerId, setOwnerId] = useState<string | undefined>();
  const [unassigned, setUnassigned] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [assigning, setAssigning] = useState(false);
  const q = useDebouncedValue(text.trim(), 350);
  const params = useMemo(
    () => ({ q: q || undefined, country, ownerId, unassigned: unassigned ? ('true' as const) : undefined }),
    [q, country, ownerId, unassigned],
  );
  const list = useKeysetList({
    queryKey: salesEventKeys.prospects,
    endpoint: endpoints.prospects.list,
    query: params,
  });
  const mayAssign = can('customers', 'assign');

  const columns: TableColumnsType<Prospect> = [
    { key: 'code', title: t('prospects.columns.code'), dataIndex: 'code', width: 110 },
    {
      key: 'name',
      title: t('prospects.columns.name'),
      render: (_, p) =>
        can('customers', 'read') ? <Link to={`/customers/${encodeURIComponent(p.id)}`}>{p.name}</Link> : p.name,
    },
    {
      key: 'country',
      title: t('prospects.columns.country'),
      render: (_, p) => (p.country ? names.country(p.country) : t('common.none')),
    },
    {
      key: 'owner',
      title: t('prospects.columns.owner'),
      render: (_, p) => <span data-testid="prospect-owner">{p.ownerName ?? t('common.none')}</span>,
    },
    {
      key: 'sourceEvent',
      title: t('prospects.columns.sourceEvent'),
      render: (_, p) =>
        p.sourceEvent ? (
          <Link to={`/sales-events/${encodeURIComponent(p.sourceEvent.id)}`}>{p.sourceEvent.name}</Link>
        ) : (
          t('common.none')
        ),
    },
    { key: 'createdAt', title: t('prospects.columns.createdAt'), render: (_, p) => formatDateTime(p.createdAt) },
  ];

  return (
    <>
      <PageTitle
        title={t('prospects.title')}
        extra={
          mayAssign && (
            <Button
              type="primary"
              icon={<SwapOutlined />}
              disabled={selected.length === 0}
              onClick={() => setAssigning(true)}
              data-testid="open-assign-prospects"
            >
              {t('prospects.assign')}
              {selected.length > 0 && ` · ${t('prospects.selected', { count: selected.length })}`}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('prospects.intro')}</Typography.Paragraph>
      <Flex gap="small" wrap align="center" style={{ marginBottom: 16 }}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('prospects.searchPlaceholder')}
          aria-label={t('prospects.searchPlaceholder')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          style={{ width: 300 }}
          data-testid="prospect-search"
        />
        <CountrySelect
          placeholder={t('prospects.country')}
          aria-label={t('prospects.country')}
          value={country}
          onChange={(value?: string) => setCountry(value)}
          style={{ width: 200 }}
        />
        <UserPicker
          allowClear
          placeholder={t('prospects.owner')}
          aria-label={t('prospects.owner')}
          value={ownerId}
          onChange={(value) => setOwnerId(value)}
          style={{ width: 220 }}
        />
        <Checkbox
          checked={unassigned}
          onChange={(event) => setUnassigned(event.target.checked)}
          data-testid="only-unassigned"
        >
          {t('prospects.unassigned')}
        </Checkbox>
      </Flex>
      <Table
        rowKey="id"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowSelection={
          mayAssign ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) } : undefined
        }
        locale={{ emptyText: t('prospects.empty') }}
        data-testid="prospects-table"
      />
      <LoadMore
        count={list.items.length}
        hasMore={list.hasMore}
        loading={list.loadingMore}
        onLoadMore={list.loadMore}
      />
      {assigning && (
        <ProspectAssignModal
          customerIds={selected}
          onClose={(done) => {
            setAssigning(false);
            if (done) setSelected([]);
          }}
        />
      )}
    </>
  );
}
