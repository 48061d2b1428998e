import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatMoney } from '../../app/use-format-money';
import { useEventReport } from './use-sales-events';

/** What the event brought: leads, prospects, inquiries, opportunities, won revenue and the cost per lead. */
export function ReportCard({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const formatMoney = useFormatMoney();
  const { data: report, isPending } = useEventReport(eventId);
  const number = (key: string, title: string, value: number | undefined) => (
    <Col xs={12} md={8} key={key}>
      <Statistic title={title} value={value ?? 0} loading={isPending} data-testid={`report-${key}`} />
    </Col>
  );
  const revenue =
    report?.wonRevenue === null
      ? t('salesEvents.report.hidden')
      : report?.wonRevenue.length
        ? report.wonRevenue.map(formatMoney).join(' / ')
        : t('salesEvents.report.noRevenue');

  return (
    <Card title={t('salesEvents.report.title')} data-testid="event-report">
      <Row gutter={[16, 16]}>
        {number('leads', t('salesEvents.report.leads'), report?.leads)}
        {number('newProspects', t('salesEvents.report.newProspects'), report?.newProspects)}
        {number('inquiries', t('salesEvents.report.inquiries'), report?.inquiries)}
        {number('opportunities', t('salesEvents.report.opportunities'), report?.opportunities)}
        {number('won', t('salesEvents.report.won'), report?.wonOpportunities)}
        <Col xs={24} md={8}>
          <Typography.Text type="secondary">{t('salesEvents.report.wonRevenue')}</Typography.Text>
          <div style={{ fontSize: 20 }} data-testid="report-won-revenue">
            {revenue}
          </div>
        </Col>
        <Col xs={12} md={8}>
          <Typography.Text type="secondary">{t('salesEvents.report.cost')}</Typography.Text>
          <div data-testid="report-cost">{formatMoney(report?.cost)}</div>
        </Col>
        <Col xs={12} md={8}>
          <Typography.Text type="secondary">{t('salesEvents.report.costPerLead')}</Typography.Text>
          <div data-testid="report-cost-per-lead">{formatMoney(report?.costPerLead)}</div>
        </Col>
      </Row>
    </Card>
  );
}
