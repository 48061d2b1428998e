import { endpoints } from '@berth/domain';
import { Empty, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime, formatRelative } from '../../app/format';
import { useHomeCard } from '../../app/use-home-card';
import { HomeCardFrame } from '../../components/home-card-frame';

/** Home: customers the pool rule returns to the pool soon unless someone follows up, soonest first. */
export function HomePoolCard() {
  const { t, i18n } = useTranslation();
  const card = useHomeCard(endpoints.home.poolReturns);
  const data = card.data;
  return (
    <HomeCardFrame
      testId="home-card-pool-returns"
      title={t('homeCards.poolReturns.title')}
      scope={data?.scope}
      loading={card.isPending}
      failed={card.isError}
    >
      {data &&
        (data.count === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('homeCards.poolReturns.empty')} />
        ) : (
          <>
            <List
              size="small"
              dataSource={data.items}
              renderItem={(row) => (
                <List.Item
                  extra={
                    <Tag color="orange" title={formatDateTime(row.dueAt)}>
                      {formatRelative(row.dueAt, i18n.language)}
                    </Tag>
                  }
                >
                  <List.Item.Meta
                    title={<Link to={`/customers/${encodeURIComponent(row.customerId)}`}>{row.name}</Link>}
                    description={
                      <Typography.Text type="secondary">
                        {t(`homeCards.poolReturns.rule.${row.rule}`, { days: row.ruleDays })}
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
