import { PlusOutlined } from '@ant-design/icons';
import { endpoints, type SalesEvent, salesEventKinds } from '@berth/domain';
import {
  Button,
  Checkbox,
  DatePicker,
  Flex,
  Segmented,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCan } from '../../app/permissions';
import { useMe } from '../../app/session';
import { useKeysetList } from '../../app/use-keyset-list';
import { LoadMore } from '../../components/load-more';
import { PageTitle } from '../../components/page-title';
import { salesEventKeys } from './query-keys';
import { SalesEventFormModal } from './sales-event-form-modal';
import { useSalesEventLabels } from './use-sales-event-labels';

type View = 'upcoming' | 'past' | 'month';

/** 销售活动: upcoming events soonest first, past ones latest first, or one month at a time like a calendar. */
export function SalesEventsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { data: me } = useMe();
  const labels = useSalesEventLabels();
  const [view, setView] = useState<View>('upcoming');
  const [month, setMonth] = useState<Dayjs>(() => dayjs().startOf('month'));
  const [kind, setKind] = useState<SalesEvent['kind'] | undefined>();
  const [mine, setMine] = useState(false);
  const [creating, setCreating] = useState(false);

  const params = useMemo(
    () => ({
      kind,
      participantId: mine ? me?.user.id : undefined,
      ...(view === 'month'
        ? { from: month.startOf('month').toISOString(), to: month.add(1, 'month').startOf('month').toISOString() }
        : { when: view }),
    }),
    [kind, mine, me, view, month],
  );
  const list = useKeysetList({
    queryKey: salesEventKeys.all,
    endpoint: endpoints.salesEvents.list,
    query: params,
    pageSize: view === 'month' ? 200 : 50,
  });
  // A month reads like a calendar: day by day from its first.
  const items = useMemo(
    () => (view === 'month' ? [...list.items].sort((a, b) => a.startsAt.localeCompare(b.startsAt)) : list.items),
    [list.items, view],
  );

  const columns: TableColumnsType<SalesEvent> = [
    {
      key: 'time',
      title: t('salesEvents.columns.time'),
      render: (_, e) => <span style={{ whiteSpace: 'nowrap' }}>{labels.span(e)}</span>,
    },
    {
      key: 'name',
      title: t('salesEvents.columns.name'),
      render: (_, e) => (
        <Link to={`/sales-events/${encodeURIComponent(e.id)}`} data-testid="sales-event-link">
          {e.name}
        </Link>
      ),
    },
    {
      key: 'kind',
      title: t('salesEvents.columns.kind'),
      render: (_, e) => <Tag color={labels.kindColor(e.kind)}>{labels.kind(e.kind)}</Tag>,
    },
    { key: 'place', title: t('salesEvents.columns.place'), render: (_, e) => e.place ?? t('common.none') },
    { key: 'owner', title: t('salesEvents.columns.owner'), render: (_, e) => e.ownerName ?? t('common.none') },
    {
      key: 'participants',
      title: t('salesEvents.columns.participants'),
      render: (_, e) => e.participants.map((p) => p.name).join('、') || t('common.none'),
    },
    { key: 'leads', title: t('salesEvents.columns.leads'), dataIndex: 'leadCount', align: 'right' },
  ];

  return (
    <>
      <PageTitle
        title={t('salesEvents.title')}
        extra={
          can('salesEvents', 'create') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="create-sales-event"
            >
              {t('salesEvents.create')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('salesEvents.intro')}</Typography.Paragraph>
      <Flex gap="small" wrap align="center" style={{ marginBottom: 16 }}>
        <Segmented<View>
          value={view}
          onChange={setView}
          options={(['upcoming', 'past', 'month'] as const).map((v) => ({
            value: v,
            label: t(`salesEvents.views.${v}`),
          }))}
          data-testid="sales-event-view"
        />
        {view === 'month' && (
          <DatePicker
            picker="month"
            allowClear={false}
            value={month}
            onChange={(value) => value && setMonth(value.startOf('month'))}
            aria-label={t('salesEvents.views.month')}
          />
        )}
        <Select
          allowClear
          placeholder={t('salesEvents.kindFilter')}
          aria-label={t('salesEvents.kindFilter')}
          value={kind}
          onChange={setKind}
          style={{ width: 180 }}
          options={salesEventKinds.map((k) => ({ value: k, label: labels.kind(k) }))}
        />
        <Checkbox checked={mine} onChange={(event) => setMine(event.target.checked)}>
          {t('salesEvents.mine')}
        </Checkbox>
      </Flex>
      <Table
        rowKey="id"
        columns={columns}
        dataSource={items}
        loading={list.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('salesEvents.empty') }}
        data-testid="sales-events-table"
      />
      <LoadMore count={items.length} hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} />
      {creating && <SalesEventFormModal onClose={() => setCreating(false)} />}
    </>
  );
}
