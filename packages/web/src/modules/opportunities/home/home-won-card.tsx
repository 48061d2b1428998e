import { endpoints, type MoneyJson } from '@berth/domain';
import { Col, Row, Statistic } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useHomeCard } from '../../../app/use-home-card';
import { type ChartOption, EChart } from '../../../components/echart';
import { HomeCardFrame } from '../../../components/home-card-frame';

const amountIn = (amounts: MoneyJson[], currency: string): number =>
  // Plotting only: the chart needs numbers; the statistics above show the decimal strings.
  Number(amounts.find((a) => a.currency === currency)?.amount ?? 0);

/**
 * Home: deals won this month against last (months of the organisation's time zone). The chart compares the two
 * months per currency when the user sees revenue, else by the number of deals; currencies are never added up.
 */
export function HomeWonCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const card = useHomeCard(endpoints.home.won);
  const data = card.data;

  const option = useMemo<ChartOption>(() => {
    if (!data) return {};
    const currencies = [
      ...new Set([...data.lastMonth.amounts, ...data.thisMonth.amounts].map((a) => a.currency)),
    ].sort();
    const byRevenue = data.revenueVisible && currencies.length > 0;
    const categories = byRevenue ? currencies : [t('homeCards.won.deals')];
    const values = (month: typeof data.thisMonth) =>
      byRevenue ? currencies.map((c) => amountIn(month.amounts, c)) : [month.count];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: categories },
      yAxis: { type: 'value', minInterval: byRevenue ? undefined : 1 },
      series: [
        { name: data.lastMonth.month, type: 'bar', data: values(data.lastMonth), itemStyle: { color: '#bfbfbf' } },
        { name: data.thisMonth.month, type: 'bar', data: values(data.thisMonth), itemStyle: { color: '#52c41a' } },
      ],
    };
  }, [data, t]);

  return (
    <HomeCardFrame
      testId="home-card-won"
      title={t('homeCards.won.title')}
      scope={data?.scope}
      viewAll="/opportunities/forecast"
      loading={card.isPending}
      failed={card.isError}
    >
      {data && (
        <>
          <Row gutter={16}>
            <Col span={12}>
              <Statistic
                title={t('homeCards.won.thisMonth', { month: data.thisMonth.month })}
                value={data.thisMonth.count}
                suffix={t('homeCards.won.unit')}
                valueStyle={{ color: '#389e0d' }}
                data-testid="home-won-this-month"
              />
            </Col>
            <Col span={12}>
              <Statistic
                title={t('homeCards.won.lastMonth', { month: data.lastMonth.month })}
                value={data.lastMonth.count}
                suffix={t('homeCards.won.unit')}
                data-testid="home-won-last-month"
              />
            </Col>
          </Row>
          {data.thisMonth.count + data.lastMonth.count === 0 ? (
            <div style={{ marginTop: 16, color: 'rgba(0,0,0,0.45)' }}>{t('homeCards.won.empty')}</div>
          ) : (
            <EChart
              option={option}
              onClick={() => navigate('/opportunities/list')}
              style={{ height: 200, marginTop: 8 }}
              testId="home-won-chart"
            />
          )}
        </>
      )}
    </HomeCardFrame>
  );
}
