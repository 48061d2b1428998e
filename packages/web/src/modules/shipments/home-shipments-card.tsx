import { endpoints, type ShipmentHomeRow } from '@berth/domain';
import { Badge, Empty, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../app/format';
import { useHomeCard } from '../../app/use-home-card';
import { HomeCardFrame } from '../../components/home-card-frame';
import { ShipmentStatusTag } from './shipment-tags';
import { useShipmentLabels } from './use-shipment-labels';

/** Home: shipments of my customers with an exception this week, and those arriving in the next 7 days. */
export function HomeShipmentsCard() {
  const { t } = useTranslation();
  const labels = useShipmentLabels();
  const card = useHomeCard(endpoints.home.shipments);
  const data = card.data;
  const group = (key: 'exceptions' | 'arriving', rows: ShipmentHomeRow[], count: number) => (
    <div data-testid={`home-shipments-${key}`}>
      <Typography.Text strong>
        {t(`homeCards.shipments.${key}`)} <Badge count={count} showZero color={key === 'exceptions' ? 'red' : 'blue'} />
      </Typography.Text>
      <List
        size="small"
        dataSource={rows}
        locale={{ emptyText: t(`homeCards.shipments.${key}Empty`) }}
        renderItem={(row) => (
          <List.Item
            extra={
              key === 'exceptions' ? (
                row.exceptions.map((e) => (
                  <Tag key={e} color="red">
                    {labels.event(e)}
                  </Tag>
                ))
              ) : (
                <Typography.Text type="secondary">ETA {formatDateTime(row.eta)}</Typography.Text>
              )
            }
          >
            <List.Item.Meta
              title={<Link to={`/shipments/${encodeURIComponent(row.id)}`}>{row.reference}</Link>}
              description={
                <Typography.Text type="secondary">
                  {[row.customerName, row.pol && row.pod ? `${row.pol} → ${row.pod}` : null]
                    .filter(Boolean)
                    .join(' · ')}{' '}
                  <ShipmentStatusTag status={row.status} />
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
      {count > rows.length && (
        <Link to={key === 'exceptions' ? '/shipments?exception=true' : '/shipments'}>
          {t('homeCard.moreRows', { count: count - rows.length })}
        </Link>
      )}
    </div>
  );
  return (
    <HomeCardFrame
      testId="home-card-shipments"
      title={t('homeCards.shipments.title')}
      scope={data?.scope}
      viewAll="/shipments"
      loading={card.isPending}
      failed={card.isError}
    >
      {data &&
        (data.exceptions.count + data.arriving.count === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('homeCards.shipments.empty')} />
        ) : (
          <>
            {group('exceptions', data.exceptions.items, data.exceptions.count)}
            {group('arriving', data.arriving.items, data.arriving.count)}
          </>
        ))}
    </HomeCardFrame>
  );
}
