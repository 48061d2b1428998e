import { SearchOutlined, SettingOutlined, SwapOutlined } from '@ant-design/icons';
import { endpoints, type PoolCustomer } from '@berth/domain';
import { Alert, App, Button, Flex, Input, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useTeamLookup, useUserLookup } from '../../app/directory-lookups';
import { formatDateTime, formatRelative } from '../../app/format';
import { useCan } from '../../app/permissions';
import { useApiErrorHandler } from '../../app/use-api-error-handler';
import { useDebouncedValue } from '../../app/use-debounced-value';
import { useKeysetList } from '../../app/use-keyset-list';
import { useReferenceNames } from '../../app/use-reference-names';
import { CountrySelect } from '../../components/country-select';
import { LoadMore } from '../../components/load-more';
import { PageTitle } from '../../components/page-title';
import { HandoverModal } from './handover-modal';
import { poolKeys } from './query-keys';
import { useClaimCustomer, usePoolQuota } from './use-pool';

function QuotaNote() {
  const { t } = useTranslation();
  const { data: quota } = usePoolQuota();
  if (!quota) return null;
  const max = (value: number | null) => (value === null ? '' : t('pool.ofMax', { max: value }));
  return (
    <Alert
      type={quota.remaining === 0 ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="pool-quota"
      title={quota.remaining === null ? t('pool.quotaUnlimited') : t('pool.quota', { remaining: quota.remaining })}
      description={t('pool.quotaDetail', {
        held: quota.claimedHeld,
        heldMax: max(quota.maxClaimedHeld),
        today: quota.claimedToday,
        todayMax: max(quota.maxClaimsPerDay),
      })}
    />
  );
}

/** 公海: customers in the pools the user works with; claim them up to the limit, hand over a colleague's customers. */
export function PoolPage() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [text, setText] = useState('');
  const [country, setCountry] = useState<string | undefined>();
  const [handingOver, setHandingOver] = useState(false);
  const q = useDebouncedValue(text.trim(), 350);
  const params = useMemo(() => ({ q: q || undefined, country }), [q, country]);
  const list = useKeysetList({ queryKey: poolKeys.pool, endpoint: endpoints.pool.list, query: params });
  const users = useUserLookup().byId;
  const teams = useTeamLookup().byId;
  const names = useReferenceNames();
  const claim = useClaimCustomer();
  const mayClaim = can('pool', 'claim');

  const onClaim = (customer: PoolCustomer) =>
    claim.mutate(customer.id, {
      onSuccess: (claimed) => {
        void message.success(t('pool.claimed', { name: claimed.name }));
        if (can('customers', 'read')) navigate(`/customers/${encodeURIComponent(claimed.id)}`);
      },
      onError: (error) => handleError(error),
    });

  const columns: TableColumnsType<PoolCustomer> = [
    { key: 'code', title: t('pool.columns.code'), dataIndex: 'code', width: 110 },
    {
      key: 'name',
      title: t('pool.columns.name'),
      render: (_, c) => (
        <Flex vertical>
          <span>{c.name}</span>
          {c.nameEn && <Typography.Text type="secondary">{c.nameEn}</Typography.Text>}
        </Flex>
      ),
    },
    {
      key: 'country',
      title: t('pool.columns.country'),
      render: (_, c) => (c.country ? names.country(c.country) : t('common.none')),
    },
    { key: 'industry', title: t('pool.columns.industry'), render: (_, c) => c.industry ?? t('common.none') },
    {
      key: 'team',
      title: t('pool.columns.team'),
      render: (_, c) => (c.teamId && teams.get(c.teamId)?.name) || t('common.none'),
    },
    {
      key: 'previousOwner',
      title: t('pool.columns.previousOwner'),
      render: (_, c) => (c.previousOwnerId && users.get(c.previousOwnerId)?.name) || t('common.none'),
    },
    {
      key: 'pooledAt',
      title: t('pool.columns.pooledAt'),
      render: (_, c) => <span title={formatDateTime(c.pooledAt)}>{formatRelative(c.pooledAt, i18n.language)}</span>,
    },
    {
      key: 'lastFollowUpAt',
      title: t('pool.columns.lastFollowUpAt'),
      render: (_, c) => formatDateTime(c.lastFollowUpAt),
    },
  ];
  if (mayClaim) {
    columns.push({
      key: 'actions',
      title: t('pool.columns.actions'),
      fixed: 'right',
      render: (_, c) => (
        <Button
          type="primary"
          size="small"
          loading={claim.isPending && claim.variables === c.id}
          onClick={() => onClaim(c)}
          data-testid="claim-customer"
        >
          {t('pool.claim')}
        </Button>
      ),
    });
  }

  return (
    <>
      <PageTitle
        title={t('pool.title')}
        extra={
          <>
            {can('pool', 'configure') && (
              <Button icon={<SettingOutlined />} onClick={() => navigate('/pool/rules')} data-testid="pool-rules">
                {t('pool.rules')}
              </Button>
            )}
            {can('customers', 'assign') && (
              <Button icon={<SwapOutlined />} onClick={() => setHandingOver(true)} data-testid="open-handover">
                {t('pool.handover')}
              </Button>
            )}
          </>
        }
      />
      <Typography.Paragraph type="secondary">{t('pool.intro')}</Typography.Paragraph>
      {mayClaim && <QuotaNote />}
      <Flex gap="small" wrap style={{ marginBottom: 16 }}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('pool.searchPlaceholder')}
          aria-label={t('pool.searchPlaceholder')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          style={{ width: 360 }}
          data-testid="pool-search"
        />
        <CountrySelect
          allowClear
          placeholder={t('pool.country')}
          aria-label={t('pool.country')}
          value={country}
          onChange={(value?: string) => setCountry(value)}
          style={{ width: 200 }}
        />
      </Flex>
      <Table
        rowKey="id"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('pool.empty') }}
        data-testid="pool-table"
      />
      <LoadMore
        count={list.items.length}
        hasMore={list.hasMore}
        loading={list.loadingMore}
        onLoadMore={list.loadMore}
      />
      {handingOver && <HandoverModal onClose={() => setHandingOver(false)} />}
    </>
  );
}
