import { endpoints } from '@berth/domain';
import { Empty, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime, formatRelative } from '../../../app/format';
import { useHomeCard } from '../../../app/use-home-card';
import { useTransportModes } from '../../../app/use-transport-modes';
import { HomeCardFrame } from '../../../components/home-card-frame';

/** Home: inquiries nobody has answered yet, longest waiting first, each linking to its opportunity. */
export function HomeInquiriesCard() {
  const { t, i18n } = useTranslation();
  const modes = useTransportModes();
  const card = useHomeCard(endpoints.home.inquiries);
  const data = card.data;
  return (
    <HomeCardFrame
      testId="home-card-inquiries"
      title={t('homeCards.inquiries.title')}
      scope={data?.scope}
      viewAll="/opportunities"
      loading={card.isPending}
      failed={card.isError}
    >
      {data &&
        (data.count === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('homeCards.inquiries.empty')} />
        ) : (
          <>
            <List
              size="small"
              dataSource={data.items}
              renderItem={(row) => (
                <List.Item
                  extra={
                    <Tag color="gold" title={formatDateTime(row.waitingSince)}>
                      {formatRelative(row.waitingSince, i18n.language)}
                    </Tag>
                  }
                >
                  <List.Item.Meta
                    title={
                      <Link to={`/opportunities/${encodeURIComponent(row.opportunityId)}`}>{row.customerName}</Link>
                    }
                    description={
                      <Typography.Text type="secondary">
                        {row.pol && row.pod ? `${row.pol} → ${row.pod}` : row.title}
                        {row.mode ? ` · ${modes.label(row.mode)}` : ''}
                        {data.scope !== 'own' && row.ownerName ? ` · ${row.ownerName}` : ''}
                      </Typography.Text>
                    }
                  />
                </List.Item>
              )}
            />
            {data.count > data.items.length && (
              <Typography.Text type="secondary">
                {t('homeCard.moreRows', { count: data.count - data.items.length })}
              </Typography.Text>
            )}
          </>
        ))}
    </HomeCardFrame>
  );
}
