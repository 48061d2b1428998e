import { endpoints, type WeightedSum } from '@berth/domain';
import { Empty, Flex, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatNumber } from '../../../app/format';
import { useFormatMoney } from '../../../app/use-format-money';
import { useHomeCard } from '../../../app/use-home-card';
import { type ChartOption, EChart } from '../../../components/echart';
import { HomeCardFrame } from '../../../components/home-card-frame';

/**
 * Home: open opportunities by stage. The chart shows how many are in each stage (a click opens the board); the
 * table beside it the expected and weighted revenue of each stage per currency, for those with the revenue right.
 */
export function HomePipelineCard() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const formatMoney = useFormatMoney();
  const card = useHomeCard(endpoints.home.pipeline);
  const data = card.data;

  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: data?.stages.map((s) => `${s.name} (${s.probability}%)`) ?? [] },
      series: [
        {
          name: t('homeCards.pipeline.count'),
          type: 'bar',
          data: data?.stages.map((s) => s.count) ?? [],
          itemStyle: { color: '#1677ff' },
          label: { show: true, position: 'right' },
        },
      ],
    }),
    [data, t],
  );

  const sums = (amounts: WeightedSum[], which: 'total' | 'weighted') =>
    amounts.length === 0 ? (
      t('common.none')
    ) : (
      <Flex vertical>
        {amounts.map((a) => (
          <span key={a.currency}>{formatMoney(a[which])}</span>
        ))}
      </Flex>
    );

  return (
    <HomeCardFrame
      testId="home-card-pipeline"
      title={t('homeCards.pipeline.title')}
      scope={data?.scope}
      viewAll="/opportunities"
      loading={card.isPending}
      failed={card.isError}
    >
      {data &&
        (data.totals.count === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('homeCards.pipeline.empty')} />
        ) : (
          <Flex gap="middle" wrap>
            <div style={{ flex: '1 1 280px', minWidth: 0 }}>
              <EChart
                option={option}
                onClick={() => navigate('/opportunities')}
                style={{ height: 40 + 36 * data.stages.length }}
                testId="home-pipeline-chart"
              />
            </div>
            {data.revenueVisible ? (
              <Table
                style={{ flex: '1 1 320px' }}
                size="small"
                pagination={false}
                rowKey="key"
                data-testid="home-pipeline-table"
                dataSource={[
                  ...data.stages,
                  {
                    key: '',
                    name: t('homeCards.pipeline.total'),
                    probability: 0,
                    count: data.totals.count,
                    amounts: data.totals.amounts,
                  },
                ]}
                columns={[
                  { key: 'name', title: t('homeCards.pipeline.stage'), dataIndex: 'name' },
                  {
                    key: 'count',
                    title: t('homeCards.pipeline.count'),
                    align: 'right',
                    render: (_, s) => formatNumber(s.count, i18n.language),
                  },
                  {
                    key: 'total',
                    title: t('homeCards.pipeline.expected'),
                    align: 'right',
                    render: (_, s) => sums(s.amounts, 'total'),
                  },
                  {
                    key: 'weighted',
                    title: t('homeCards.pipeline.weighted'),
                    align: 'right',
                    render: (_, s) => sums(s.amounts, 'weighted'),
                  },
                ]}
              />
            ) : (
              <Typography.Text type="secondary" data-testid="home-pipeline-no-revenue">
                {t('homeCards.pipeline.countsOnly', { count: data.totals.count })}
              </Typography.Text>
            )}
          </Flex>
        ))}
    </HomeCardFrame>
  );
}
