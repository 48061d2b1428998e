import { DeleteOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { type Attachment, type AttachmentKind, type AttachmentOwner, attachmentKinds, endpoints } from '@berth/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Input, Popconfirm, Select, Table, type TableColumnsType, Tag, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, endpointUrl } from '../../../app/api/call';
import { formatBytes, formatDateTime } from '../../../app/format';
import { useCan } from '../../../app/permissions';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useKeysetList } from '../../../app/use-keyset-list';
import { LoadMore } from '../../../components/load-more';
import { customerKeys, customerTimelineKey } from '../query-keys';

export const customerAttachmentsKey = (customerId: string) =>
  [...customerKeys.customers, 'attachments', customerId] as const;
const kindColors: Record<AttachmentKind, string> = {
  business_licence: 'gold',
  contract: 'blue',
  monthly_settlement_agreement: 'green',
  seal_specimen: 'volcano',
  power_of_attorney: 'purple',
  other: 'default',
};
const endpointsOf = {
  customer: { list: endpoints.attachments.list, create: endpoints.attachments.create },
  contact: { list: endpoints.attachments.contactList, create: endpoints.attachments.contactCreate },
  opportunity: { list: endpoints.attachments.opportunityList, create: endpoints.attachments.opportunityCreate },
} as const;

export const attachmentUrl = (attachment: Pick<Attachment, 'id'>) =>
  endpointUrl(endpoints.attachments.content, { params: { id: attachment.id } });

/** Business licence, contract scans and other files of a customer: upload by drag and drop, list, download. */
export function CustomerAttachments({ customerId }: { customerId: string }) {
  return <RecordAttachments owner="customer" id={customerId} customerId={customerId} />;
}

/**
 * The files of a customer, one of its contacts or one of its opportunities (月结协议, 印鉴样本, 委托书…): the
 * server lists only those the reader may see, by the scope of the record they are on.
 */
export function RecordAttachments({
  owner,
  id,
  customerId,
  compact = false,
}: {
  owner: AttachmentOwner;
  id: string;
  /** The customer the record belongs to, whose timeline shows the uploads. */
  customerId?: string;
  /** A smaller upload area, for drawers. */
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<AttachmentKind>(owner === 'customer' ? 'business_licence' : 'other');
  const queryKey =
    owner === 'customer' ? customerAttachmentsKey(id) : ([...customerAttachmentsKey(id), owner] as const);
  const [description, setDescription] = useState('');
  const list = useKeysetList({
    queryKey,
    endpoint: endpointsOf[owner].list,
    params: { id },
  });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey });
    if (customerId) void queryClient.invalidateQueries({ queryKey: customerTimelineKey(customerId) });
  };

  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('kind', kind);
      if (description.trim()) form.append('description', description.trim());
      form.append('file', file, file.name);
      return call(endpointsOf[owner].create, { params: { id }, body: form });
    },
    onSuccess: (attachment) => {
      setDescription('');
      refresh();
      void message.success(t('attachments.uploaded', { name: attachment.fileName }));
    },
    onError: (error) =>
      handleError(error, {
        fieldLabels: {
          file: t('attachments.fileName'),
          kind: t('attachments.kind'),
          description: t('attachments.description'),
        },
      }),
  });
  const remove = useMutation({
    mutationFn: (attachment: Attachment) =>
      call(endpoints.attachments.delete, { params: { id: attachment.id }, version: attachment.version }),
    onSuccess: () => {
      refresh();
      void message.success(t('attachments.deleted'));
    },
    onError: (error) => handleError(error),
  });

  const columns = useMemo<TableColumnsType<Attachment>>(
    () => [
      {
        title: t('attachments.fileName'),
        dataIndex: 'fileName',
        render: (_, attachment) => (
          <Flex vertical>
            <a href={attachmentUrl(attachment)} target="_blank" rel="noopener noreferrer" data-testid="attachment-name">
              {attachment.fileName}
            </a>
            {attachment.description && <span style={{ color: 'rgba(0,0,0,0.45)' }}>{attachment.description}</span>}
          </Flex>
        ),
      },
      {
        title: t('attachments.kind'),
        dataIndex: 'kind',
        render: (value: AttachmentKind) => <Tag color={kindColors[value]}>{t(`attachments.kinds.${value}`)}</Tag>,
      },
      {
        title: t('attachments.size'),
        dataIndex: 'sizeBytes',
        align: 'right',
        render: (value: number) => formatBytes(value, i18n.language),
      },
      { title: t('attachments.uploader'), dataIndex: 'uploaderName', render: (value) => value ?? t('common.none') },
      { title: t('attachments.uploadedAt'), dataIndex: 'createdAt', render: (value: string) => formatDateTime(value) },
      {
        title: t('common.actions'),
        key: 'actions',
        render: (_, attachment) => (
          <Flex gap={4}>
            <Button
              type="link"
              size="small"
              icon={<DownloadOutlined />}
              href={attachmentUrl(attachment)}
              download={attachment.fileName}
              data-testid="attachment-download"
            >
              {t('attachments.download')}
            </Button>
            {attachment.canDelete && (
              <Popconfirm
                title={t('attachments.confirmDelete', { name: attachment.fileName })}
                onConfirm={() => remove.mutateAsync(attachment).catch(() => undefined)}
              >
                <Button type="link" size="small" danger icon={<DeleteOutlined />} data-testid="attachment-delete">
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            )}
          </Flex>
        ),
      },
    ],
    [i18n.language, remove, t],
  );

  return (
    <Flex vertical gap={16} data-testid={owner === 'customer' ? 'customer-attachments' : `${owner}-attachments`}>
      {can('attachments', 'create') && (
        <Flex vertical gap={8}>
          <Flex gap={8} wrap>
            <Select
              value={kind}
              onChange={setKind}
              style={{ minWidth: 160 }}
              aria-label={t('attachments.kind')}
              options={attachmentKinds.map((value) => ({ value, label: t(`attachments.kinds.${value}`) }))}
              data-testid="attachment-kind"
            />
            <Input
              value={description}
              onChange={(event) => setDescription(event.target.value)}
              placeholder={t('attachments.descriptionPlaceholder')}
              aria-label={t('attachments.description')}
              maxLength={500}
              style={{ flex: 1, minWidth: 200 }}
            />
          </Flex>
          <Upload.Dragger
            multiple={false}
            showUploadList={false}
            disabled={upload.isPending}
            customRequest={({ file, onSuccess, onError }) => {
              upload.mutate(file as File, {
                onSuccess: () => onSuccess?.(null),
                onError: (error) => onError?.(error as Error),
              });
            }}
            data-testid="attachment-upload"
          >
            {!compact && (
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
            )}
            <p className="ant-upload-text">{t('attachments.drop')}</p>
            {!compact && <p className="ant-upload-hint">{t('attachments.hint')}</p>}
          </Upload.Dragger>
        </Flex>
      )}
      <Table
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.items}
        loading={list.loading || upload.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('attachments.empty') }}
        onRow={() => ({ 'data-testid': 'attachment-row' }) as React.HTMLAttributes<HTMLElement>}
        data-testid="attachment-table"
      />
      <LoadMore
        count={list.items.length}
        hasMore={list.hasMore}
        loading={list.loadingMore}
        onLoadMore={list.loadMore}
      />
    </Flex>
  );
}
