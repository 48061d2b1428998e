import { endpoints, type UnmatchedParty, unmatchedPartyStatuses } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Modal, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { call } from '../../../app/api/call';
import { useCan } from '../../../app/permissions';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useKeysetList } from '../../../app/use-keyset-list';
import { KeysetTable } from '../../../components/keyset-table';
import { PageTitle } from '../../../components/page-title';
import { customerKeys } from '../../customers';
import { CustomerPicker } from '../../opportunities';
import { shipmentKeys } from '../query-keys';
import { useShipmentLabels } from '../use-shipment-labels';

type Status = (typeof unmatchedPartyStatuses)[number];
const statusColors: Record<Status, string> = { open: 'orange', linked: 'green', ignored: 'default' };

/** Picks the customer an unmatched party is; every shipment naming it follows. */
function LinkPartyModal({ party, onClose }: { party: UnmatchedParty; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ customerId: string }>();
  const link = useMutation({
    mutationFn: (customerId: string) =>
      call(endpoints.shipmentParties.link, { params: { id: party.id }, body: { customerId } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: shipmentKeys.shipments });
      void message.success(t('unmatchedParties.linked', { count: party.shipments }));
      onClose();
    },
    onError: (error) => handleError(error, { form }),
  });
  return (
    <Modal
      open
      title={t('unmatchedParties.linkTitle', { name: party.name })}
      okText={t('unmatchedParties.link')}
      okButtonProps={{ loading: link.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => link.mutate(values.customerId)}>
        <Form.Item
          name="customerId"
          label={t('unmatchedParties.linkCustomer')}
          rules={[{ required: true, message: t('unmatchedParties.customerRequired') }]}
        >
          <CustomerPicker data-testid="link-party-customer" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The review queue of parties named on shipments that match no customer: link, create a customer, or ignore. */
export function UnmatchedPartiesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const labels = useShipmentLabels();
  const [status, setStatus] = useState<Status | undefined>('open');
  const [linking, setLinking] = useState<UnmatchedParty | null>(null);
  const list = useKeysetList({
    queryKey: shipmentKeys.unmatchedParties,
    endpoint: endpoints.shipmentParties.unmatched,
    query: { status },
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: shipmentKeys.shipments });
  const create = useMutation({
    mutationFn: (party: UnmatchedParty) => call(endpoints.shipmentParties.createCustomer, { params: { id: party.id } }),
    onSuccess: () => {
      void refresh();
      void queryClient.invalidateQueries({ queryKey: customerKeys.customers });
      void message.success(t('unmatchedParties.created'));
    },
    onError: (error) => handleError(error),
  });
  const ignore = useMutation({
    mutationFn: (party: UnmatchedParty) => call(endpoints.shipmentParties.ignore, { params: { id: party.id } }),
    onSuccess: () => {
      void refresh();
      void message.success(t('unmatchedParties.ignoredDone'));
    },
    onError: (error) => handleError(error),
  });

  return (
    <>
      <PageTitle title={t('unmatchedParties.title')} />
      <Typography.Paragraph type="secondary">{t('unmatchedParties.intro')}</Typography.Paragraph>
      <Flex gap="small" style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('unmatchedParties.statusFilter')}
          aria-label={t('unmatchedParties.statusFilter')}
          value={status}
          onChange={(next?: Status) => setStatus(next)}
          options={unmatchedPartyStatuses.map((value) => ({ value, label: t(`unmatchedParties.statuses.${value}`) }))}
          style={{ width: 160 }}
          data-testid="filter-party-status"
        />
      </Flex>
      <KeysetTable<UnmatchedParty>
        list={list}
        locale={{ emptyText: t('unmatchedParties.empty') }}
        data-testid="unmatched-party-table"
        columns={[
          { key: 'name', title: t('unmatchedParties.columns.name'), dataIndex: 'name' },
          {
            key: 'codes',
            title: t('unmatchedParties.columns.codes'),
            render: (_, p) => [p.customerCode, p.creditCode].filter(Boolean).join(' / ') || '—',
          },
          {
            key: 'roles',
            title: t('unmatchedParties.columns.roles'),
            render: (_, p) => p.roles.map((role) => <Tag key={role}>{labels.role(role)}</Tag>),
          },
          { key: 'shipments', title: t('unmatchedParties.columns.shipments'), dataIndex: 'shipments', align: 'right' },
          {
            key: 'status',
            title: t('unmatchedParties.columns.status'),
            render: (_, p) =>
              p.status === 'linked' && p.customerId ? (
                <Link to={`/customers/${encodeURIComponent(p.customerId)}`}>
                  <Tag color={statusColors.linked}>{t('unmatchedParties.statuses.linked')}</Tag>
                </Link>
              ) : (
                <Tag color={statusColors[p.status]}>{t(`unmatchedParties.statuses.${p.status}`)}</Tag>
              ),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, p) =>
              p.status === 'open' && (
                <Space size="small" wrap>
                  <Button size="small" onClick={() => setLinking(p)} data-testid="link-party">
                    {t('unmatchedParties.link')}
                  </Button>
                  {can('customers', 'create') && (
                    <Popconfirm
                      title={t('unmatchedParties.createConfirm', { name: p.name })}
                      onConfirm={() => create.mutateAsync(p).catch(() => undefined)}
                    >
                      <Button size="small" data-testid="create-party-customer">
                        {t('unmatchedParties.create')}
                      </Button>
                    </Popconfirm>
                  )}
                  <Popconfirm
                    title={t('unmatchedParties.ignoreConfirm', { name: p.name })}
                    onConfirm={() => ignore.mutateAsync(p).catch(() => undefined)}
                  >
                    <Button size="small" type="text" data-testid="ignore-party">
                      {t('unmatchedParties.ignore')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      {linking && <LinkPartyModal party={linking} onClose={() => setLinking(null)} />}
    </>
  );
}
