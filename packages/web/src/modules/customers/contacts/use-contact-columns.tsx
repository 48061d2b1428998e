import { EyeInvisibleOutlined, StarFilled } from '@ant-design/icons';
import { type Contact, formatPhone } from '@berth/domain';
import { Button, Flex, Popconfirm, type TableColumnsType, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCustomerLabels } from '../use-customer-labels';

interface ContactActions {
  onEdit?: (contact: Contact) => void;
  onStatus?: (contact: Contact, status: Contact['status']) => void;
}

function Lines({ values }: { values: string[] }) {
  const { t } = useTranslation();
  if (values.length === 0) return t('common.none');
  return (
    <Flex vertical>
      {values.map((value) => (
        <span key={value}>{value}</span>
      ))}
    </Flex>
  );
}

export function useContactColumns({ onEdit, onStatus }: ContactActions): TableColumnsType<Contact> {
  const { t, i18n } = useTranslation();
  const labels = useCustomerLabels();
  const phoneLocale = i18n.language === 'en' ? 'en' : 'zh-CN';

  const columns: TableColumnsType<Contact> = [
    {
      title: t('contacts.name'),
      dataIndex: 'name',
      render: (name: string, contact) => (
        <Flex gap={6} align="center">
          {contact.isPrimary && (
            <Tooltip title={t('contacts.isPrimary')}>
              <StarFilled
                style={{ color: '#faad14' }}
                aria-label={t('contacts.isPrimary')}
                data-testid="primary-star"
              />
            </Tooltip>
          )}
          <span data-testid="contact-name">{name}</span>
          {contact.masked && (
            <Tooltip title={t('contacts.maskedHint')}>
              <Tag icon={<EyeInvisibleOutlined />} data-testid="contact-masked">
                {t('contacts.masked')}
              </Tag>
            </Tooltip>
          )}
        </Flex>
      ),
    },
    { title: t('contacts.jobTitle'), dataIndex: 'title', render: (title: string | null) => title || t('common.none') },
    {
      title: t('contacts.phones'),
      dataIndex: 'phones',
      // Stored as E.164 with ";ext=": shown as the reader writes them ("+86 574 8765 4321 转 808").
      render: (phones: string[]) => <Lines values={phones.map((phone) => formatPhone(phone, phoneLocale))} />,
    },
    { title: t('contacts.emails'), dataIndex: 'emails', render: (emails: string[]) => <Lines values={emails} /> },
    { title: t('contacts.wechat'), dataIndex: 'wechat', render: (wechat: string | null) => wechat || t('common.none') },
    {
      title: t('contacts.preferredChannel'),
      dataIndex: 'preferredChannel',
      render: (channel: string | null) => labels.channel(channel),
    },
    {
      title: t('contacts.status'),
      dataIndex: 'status',
      render: (status: Contact['status']) => (
        <Tag color={status === 'left' ? 'default' : 'green'} data-testid="contact-status">
          {labels.contactStatus(status)}
        </Tag>
      ),
    },
  ];
  if (onEdit || onStatus) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_value, contact) => (
        <>
          {onEdit && (
            <Button type="link" size="small" onClick={() => onEdit(contact)} data-testid="edit-contact">
              {t('common.edit')}
            </Button>
          )}
          {onStatus && contact.status === 'active' && (
            <Popconfirm
              title={t('contacts.confirmMarkLeft', { name: contact.name })}
              onConfirm={() => onStatus(contact, 'left')}
            >
              <Button type="link" size="small" danger data-testid="mark-contact-left">
                {t('contacts.markLeft')}
              </Button>
            </Popconfirm>
          )}
          {onStatus && contact.status === 'left' && (
            <Button
              type="link"
              size="small"
              onClick={() => onStatus(contact, 'active')}
              data-testid="mark-contact-active"
            >
              {t('contacts.markActive')}
            </Button>
          )}
        </>
      ),
    });
  }
  return columns;
}
