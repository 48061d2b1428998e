import { describe, expect, it } from 'vitest';
import { formatAmount, marginPercent, shipmentListLink } from './report-links';

describe('shipment report links and figures', () => {
  it('drills down to the shipment list with its own parameters', () => {
    expect(shipmentListLink({ lane: 'CNSHA-USLAX', mode: 'fcl', etdFrom: '2026-01-01', etdTo: '2026-01-31' })).toBe(
      '/shipments?mode=fcl&pol=CNSHA&pod=USLAX&etdFrom=2026-01-01&etdTo=2026-01-31',
    );
    expect(shipmentListLink({ customerId: '0190c1f0-0000-7000-8000-000000000001' })).toBe(
      '/shipments?customerId=0190c1f0-0000-7000-8000-000000000001',
    );
    expect(shipmentListLink({})).toBe('/shipments');
  });

  it('groups the digits of an amount without a float', () => {
    expect(formatAmount('12345678901234567.89', 'en')).toBe('12,345,678,901,234,567.89');
    expect(formatAmount('-1000.50', 'zh-CN')).toBe('-1,000.50');
    expect(formatAmount('0', 'en')).toBe('0');
  });

  it('gives the margin in percent, none without revenue', () => {
    expect(marginPercent('1000.00', '125.00')).toBe('12.5');
    expect(marginPercent('0.00', '0.00')).toBeNull();
    expect(marginPercent(undefined, '1.00')).toBeNull();
  });
});
