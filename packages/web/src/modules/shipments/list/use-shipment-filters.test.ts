import { describe, expect, it } from 'vitest';
import { hasFilters, shipmentListParams } from './use-shipment-filters';

describe('shipmentListParams', () => {
  it('sends the lane as POL or POL-POD and the exception flag only when set', () => {
    expect(shipmentListParams({ pol: 'CNNGB', pod: 'USLAX', exception: 'true', status: 'departed' })).toEqual({
      lane: 'CNNGB-USLAX',
      exception: 'true',
      status: 'departed',
    });
    expect(shipmentListParams({ pol: 'CNNGB' })).toMatchObject({ lane: 'CNNGB', exception: undefined });
    // A POD without a POL is no lane the server knows: it waits for a POL.
    expect(shipmentListParams({ pod: 'USLAX' })).toMatchObject({ lane: undefined });
    expect(shipmentListParams({ etaFrom: '2027-01-01', etaTo: '2027-01-31' })).toMatchObject({
      etaFrom: '2027-01-01',
      etaTo: '2027-01-31',
    });
  });

  it('knows when anything narrows the list', () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ mode: 'fcl' })).toBe(true);
  });
});
