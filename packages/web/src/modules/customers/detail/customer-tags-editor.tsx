import { PlusOutlined } from '@ant-design/icons';
import type { Customer } from '@berth/domain';
import { App, Button, Flex, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/permissions';
import { useApiErrorHandler } from '../../../app/use-api-error-handler';
import { useTagLookup } from '../lookups';
import { type BulkTagRequest, useBulkTags } from '../use-bulk-tags';

/** The customer's tags; with customers.update they can be added and removed right here. */
export function CustomerTagsEditor({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const { tags, byId } = useTagLookup();
  const [adding, setAdding] = useState(false);
  const editable = can('customers', 'update') && can('tags', 'read');
  const bulk = useBulkTags({
    onSuccess: (result) => {
      if (result.skipped > 0) void message.warning(t('customers.bulkTagResult', result));
    },
    onError: (error) => handleError(error),
  });

  const change = (patch: Omit<BulkTagRequest, 'customerIds'>, done: string) =>
    bulk.mutate(
      { customerIds: [customer.id], ...patch },
      {
        onSuccess: (result) => {
          if (result.updated > 0) void message.success(done);
        },
      },
    );

  const current = customer.tagIds.flatMap((id) => {
    const tag = byId.get(id);
    return tag ? [tag] : [];
  });
  const available = tags.filter((tag) => !customer.tagIds.includes(tag.id));

  return (
    <Flex gap={6} wrap align="center" data-testid="customer-tags">
      {current.length === 0 && !editable && <Typography.Text type="secondary">{t('customers.noTags')}</Typography.Text>}
      {current.map((tag) => (
        <Tag
          key={tag.id}
          color={tag.color}
          closable={editable && !bulk.isPending}
          closeIcon={editable ? undefined : false}
          onClose={(event) => {
            // The tag goes away when the server has removed it.
            event.preventDefault();
            change({ add: [], remove: [tag.id] }, t('customers.tagRemoved'));
          }}
          aria-label={tag.name}
          style={{ marginInlineEnd: 0 }}
          data-testid="customer-tag"
        >
          {tag.name}
        </Tag>
      ))}
      {editable &&
        (adding ? (
          <Select<string>
            autoFocus
            defaultOpen
            size="small"
            style={{ width: 180 }}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('customers.addTag')}
            aria-label={t('customers.addTag')}
            options={available.map((tag) => ({ value: tag.id, label: tag.name }))}
            onChange={(tagId) => {
              setAdding(false);
              change({ add: [tagId], remove: [] }, t('customers.tagAdded'));
            }}
            onBlur={() => setAdding(false)}
            data-testid="add-customer-tag-select"
          />
        ) : (
          <Button
            size="small"
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            disabled={available.length === 0}
            loading={bulk.isPending}
            data-testid="add-customer-tag"
          >
            {t('customers.addTag')}
          </Button>
        ))}
    </Flex>
  );
}
