import { endpoints, type Inquiry } from '@berth/domain';
import { type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { useKeysetList } from '../../../app/use-keyset-list';
import { useTransportModes } from '../../../app/use-transport-modes';
import { KeysetTable } from '../../../components/keyset-table';
import { opportunityKeys } from '../query-keys';

/** The customer inquiries that opened or joined this opportunity. */
export function OpportunityInquiries({ opportunityId }: { opportunityId: string }) {
  const { t } = useTranslation();
  const modes = useTransportModes();
  const channels = t('opportunities.inquiries.channels', { returnObjects: true }) as unknown as Record<string, string>;
  const list = useKeysetList({
    queryKey: [...opportunityKeys.inquiries, 'of-opportunity', opportunityId],
    endpoint: endpoints.inquiries.list,
    query: { opportunityId },
  });
  const columns: TableColumnsType<Inquiry> = [
    { key: 'at', title: t('opportunities.inquiries.receivedAt'), render: (_, i) => formatDateTime(i.createdAt) },
    {
      key: 'lane',
      title: t('opportunities.inquiries.lane'),
      render: (_, i) => `${i.pol} → ${i.pod} · ${modes.label(i.mode)}`,
    },
    { key: 'message', title: t('opportunities.inquiries.message'), render: (_, i) => i.message ?? t('common.none') },
    {
      key: 'channel',
      title: t('opportunities.inquiries.channel'),
      render: (_, i) => (
        <>
          {channels[i.channel] ?? i.channel}
          {i.openedOpportunity && <Tag style={{ marginInlineStart: 8 }}>{t('opportunities.inquiries.opened')}</Tag>}
        </>
      ),
    },
  ];
  return <KeysetTable<Inquiry> list={list} columns={columns} size="small" data-testid="opportunity-inquiries" />;
}
