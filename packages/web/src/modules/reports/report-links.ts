import type { ShipmentReportFilter } from '@berth/domain';

/**
 * The shipment list page's address for a report group: the list endpoint's filters the report gives each group, in
 * the list page's own parameters (a lane is its POL and POD there).
 */
export function shipmentListLink(filter: ShipmentReportFilter): string {
  const params = new URLSearchParams();
  if (filter.customerId) params.set('customerId', filter.customerId);
  if (filter.mode) params.set('mode', filter.mode);
  if (filter.lane) {
    const [pol, pod] = filter.lane.split('-');
    if (pol) params.set('pol', pol);
    if (pod) params.set('pod', pod);
  }
  if (filter.etdFrom) params.set('etdFrom', filter.etdFrom);
  if (filter.etdTo) params.set('etdTo', filter.etdTo);
  const query = params.toString();
  return query ? `/shipments?${query}` : '/shipments';
}

/** A decimal string with digit grouping in the UI language, without going through a float: "1,234,567.50". */
export function formatAmount(amount: string, locale: string): string {
  const negative = amount.startsWith('-');
  const [whole = '0', fraction] = (negative ? amount.slice(1) : amount).split('.');
  const grouped = new Intl.NumberFormat(locale).format(BigInt(whole));
  return `${negative ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** Gross margin in percent with one decimal, or null without revenue. */
export function marginPercent(revenue: string | undefined, profit: string | undefined): string | null {
  if (!revenue || !profit) return null;
  const r = Number(revenue);
  if (r === 0) return null;
  return ((Number(profit) / r) * 100).toFixed(1);
}
