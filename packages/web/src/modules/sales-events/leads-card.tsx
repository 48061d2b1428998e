import { PlusOutlined } from '@ant-design/icons';
import { endpoints, type SalesEvent, type SalesEventLead } from '@berth/domain';
import { Button, Card, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../app/format';
import { useCan } from '../../app/permissions';
import { useKeysetList } from '../../app/use-keyset-list';
import { LoadMore } from '../../components/load-more';
import { LeadFormModal } from './lead-form-modal';
import { salesEventKeys } from './query-keys';

/** The leads captured at the event, newest first, and the quick lead form for participants and editors. */
export function LeadsCard({ event, mayCapture }: { event: SalesEvent; mayCapture: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const [capturing, setCapturing] = useState(false);
  const list = useKeysetList({
    queryKey: salesEventKeys.leads(event.id),
    endpoint: endpoints.salesEvents.leads,
    params: { id: event.id },
  });

  const columns: TableColumnsType<SalesEventLead> = [
    {
      key: 'customer',
      title: t('salesEvents.leads.customer'),
      render: (_, lead) => (
        <Flex vertical>
          {can('customers', 'read') && lead.customerId ? (
            <Link to={`/customers/${encodeURIComponent(lead.customerId)}`}>{lead.customerName}</Link>
          ) : (
            <span>{lead.customerName}</span>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {lead.customerCode ??
              (lead.customerOwnerName ? t('salesEvents.leads.ownedBy', { owner: lead.customerOwnerName }) : null)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'contact',
      title: t('salesEvents.leads.contact'),
      render: (_, lead) => lead.contactName ?? lead.handover?.contactName ?? t('common.none'),
    },
    {
      key: 'flags',
      title: '',
      render: (_, lead) => (
        <Flex gap={4} wrap>
          <Tag color={lead.existingCustomer ? 'default' : 'green'} data-testid="lead-kind">
            {t(lead.existingCustomer ? 'salesEvents.leads.existing' : 'salesEvents.leads.newProspect')}
          </Tag>
          {lead.inquiryId && <Tag color="blue">{t('salesEvents.leads.inquiry')}</Tag>}
          {lead.handedOver && lead.handedToName && (
            <Tag color="gold">{t('salesEvents.leads.handedTo', { owner: lead.handedToName })}</Tag>
          )}
        </Flex>
      ),
    },
    {
      key: 'note',
      title: t('salesEvents.leads.note'),
      render: (_, lead) => (
        <Flex vertical>
          <span>{lead.note ?? t('common.none')}</span>
          {lead.handover && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="lead-handover">
              {[
                lead.handover.phone,
                lead.handover.email,
                lead.handover.lane && `${lead.handover.lane.pol}→${lead.handover.lane.pod}`,
                lead.handover.message,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'capturedBy',
      title: t('salesEvents.leads.capturedBy'),
      render: (_, lead) => lead.capturedByName ?? t('common.none'),
    },
    {
      key: 'capturedAt',
      title: t('salesEvents.leads.capturedAt'),
      render: (_, lead) => formatDateTime(lead.capturedAt),
    },
  ];

  return (
    <Card
      title={t('salesEvents.leads.title')}
      extra={
        mayCapture && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCapturing(true)} data-testid="capture-lead">
            {t('salesEvents.leads.capture')}
          </Button>
        )
      }
      data-testid="event-leads"
    >
      <Table
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('salesEvents.leads.empty') }}
        data-testid="leads-table"
      />
      <LoadMore
        count={list.items.length}
        hasMore={list.hasMore}
        loading={list.loadingMore}
        onLoadMore={list.loadMore}
      />
      {capturing && <LeadFormModal event={event} onClose={() => setCapturing(false)} />}
    </Card>
  );
}
