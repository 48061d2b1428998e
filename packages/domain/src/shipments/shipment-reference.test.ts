import { describe, expect, it } from 'vitest';
import { shipmentReference } from './shipment-reference';

describe('shipmentReference', () => {
  const none = { masterBl: null, houseBl: null, bookingNumber: null, externalId: 'TMS-0042' };

  it('calls a shipment by its master B/L, else house B/L, else booking number, else the source id', () => {
    expect(shipmentReference({ ...none, masterBl: 'COSU6123456780', houseBl: 'HBL1', bookingNumber: 'BK1' })).toBe(
      'COSU6123456780',
    );
    expect(shipmentReference({ ...none, houseBl: 'HBL1', bookingNumber: 'BK1' })).toBe('HBL1');
    expect(shipmentReference({ ...none, bookingNumber: 'BK1' })).toBe('BK1');
    expect(shipmentReference(none)).toBe('TMS-0042');
  });
});
