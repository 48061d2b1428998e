import { type ForecastGrouping, forecastGroupings, type StatsGrouping, statsGroupings } from '@berth/domain';
import { Card, DatePicker, Flex, Segmented, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/page-title';
import { PipelineActions } from '../pipeline-nav';
import { ForecastTable } from './forecast-table';
import { StatsTable } from './stats-table';

/** The weighted pipeline by month, owner, team or lane, and win rates by stage, lane, source or owner. */
export function ForecastPage() {
  const { t } = useTranslation();
  const [groupBy, setGroupBy] = useState<ForecastGrouping>('month');
  const [period, setPeriod] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [by, setBy] = useState<StatsGrouping>('stage');
  const from = period?.[0]?.format('YYYY-MM-DD');
  const to = period?.[1]?.format('YYYY-MM-DD');
  return (
    <>
      <PageTitle title={t('forecastPage.title')} extra={<PipelineActions view="forecast" />} />
      <Typography.Paragraph type="secondary">{t('forecastPage.intro')}</Typography.Paragraph>
      <Card
        title={t('opportunities.forecast')}
        style={{ marginBottom: 16 }}
        extra={
          <Flex gap="small" wrap align="center">
            <Segmented
              value={groupBy}
              onChange={(value) => setGroupBy(value as ForecastGrouping)}
              options={forecastGroupings.map((g) => ({ value: g, label: t(`forecastPage.groups.${g}`) }))}
              data-testid="forecast-group"
            />
            <DatePicker.RangePicker
              value={period}
              onChange={(value) => setPeriod(value)}
              aria-label={t('forecastPage.period')}
            />
          </Flex>
        }
      >
        <ForecastTable groupBy={groupBy} from={from} to={to} />
      </Card>
      <Card
        title={t('forecastPage.statsTitle')}
        extra={
          <Segmented
            value={by}
            onChange={(value) => setBy(value as StatsGrouping)}
            options={statsGroupings.map((g) => ({ value: g, label: t(`forecastPage.statsGroups.${g}`) }))}
            data-testid="stats-group"
          />
        }
      >
        <StatsTable by={by} />
      </Card>
    </>
  );
}
