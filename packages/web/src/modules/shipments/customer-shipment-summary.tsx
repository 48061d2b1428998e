import { Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatMoney } from '../../app/use-format-money';
import type { CustomerSummaryCardProps } from '../../app/web-module';

/**
 * The customer's shipments at a glance, from its roll-ups: shipments and TEU of the last 12 months, and the revenue
 * (reporting currency) where the API shows it (the revenue right; null otherwise, and then left out).
 */
export function CustomerShipmentSummary({ customer }: CustomerSummaryCardProps) {
  const { t } = useTranslation();
  const formatMoney = useFormatMoney();
  const rollup = customer.shipmentRollup ?? null;
  return (
    <div data-testid="shipment-summary">
      <Statistic
        title={t('shipments.summary.title')}
        value={rollup ? t('shipments.summary.value', { shipments: rollup.shipments12m, teu: rollup.teu12m }) : '—'}
      />
      {rollup?.revenue12m && (
        <Typography.Text type="secondary" data-testid="shipment-summary-revenue">
          {t('shipments.summary.revenue', { amount: formatMoney(rollup.revenue12m) })}
          {rollup.revenueComplete ? '' : ` ${t('shipments.summary.incomplete')}`}
        </Typography.Text>
      )}
    </div>
  );
}
