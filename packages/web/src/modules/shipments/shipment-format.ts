import { MoneyDecimal, type MoneyJson, minorUnits, type Shipment } from '@berth/domain';

// What people call a shipment by: one rule with the server's lists, timeline and notices.
export { shipmentReference } from '@berth/domain';

/** "1,234.50 USD" from a decimal string, grouped in the UI language, never through a float. */
export function formatMoneyJson(money: MoneyJson | null | undefined, locale: string): string {
  if (!money) return '—';
  const [whole = '0', fraction] = money.amount.split('.');
  const negative = whole.startsWith('-');
  const digits = negative ? whole.slice(1) : whole;
  const grouped = new Intl.NumberFormat(locale).format(BigInt(digits || '0'));
  return `${negative ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''} ${money.currency}`;
}

/** Revenue less cost when both are in one currency; null otherwise (no conversion here). */
export function grossProfit(shipment: Pick<Shipment, 'revenue' | 'cost'>): MoneyJson | null {
  const { revenue, cost } = shipment;
  if (!revenue || !cost || revenue.currency !== cost.currency) return null;
  const amount = new MoneyDecimal(revenue.amount).minus(cost.amount).toFixed(minorUnits(revenue.currency));
  return { amount, currency: revenue.currency };
}

/** The exceptions a shipment carries now, as flags. */
export function exceptionFlags(shipment: Pick<Shipment, 'rolled' | 'customsHold' | 'damaged' | 'lost'>) {
  return (['rolled', 'customsHold', 'damaged', 'lost'] as const).filter((flag) => shipment[flag]);
}
