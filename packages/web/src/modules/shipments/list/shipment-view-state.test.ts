import { shipmentViewStateSchema } from '@berth/domain';
import { describe, expect, it } from 'vitest';
import { fromShipmentViewState, toShipmentViewState } from './shipment-view-state';
import type { ShipmentFilterValues } from './use-shipment-filters';

describe('shipment saved-view state', () => {
  it('stores the address filters as the view state the server accepts: lane as POL-POD, exception as a flag', () => {
    const state = toShipmentViewState({
      q: 'MSKU1234565',
      status: 'departed',
      mode: 'fcl',
      pol: 'CNSHA',
      pod: 'USLAX',
      etaFrom: '2027-01-01',
      etaTo: '2027-01-31',
      exception: 'true',
    });
    expect(state).toEqual({
      filters: {
        q: 'MSKU1234565',
        status: 'departed',
        mode: 'fcl',
        lane: 'CNSHA-USLAX',
        etaFrom: '2027-01-01',
        etaTo: '2027-01-31',
        exception: true,
      },
      sort: null,
    });
    expect(shipmentViewStateSchema.safeParse({ ...state, columns: null }).success).toBe(true);
  });

  it('keeps nothing that does not narrow the list: empty values, a POD without a POL, exceptions off', () => {
    expect(toShipmentViewState({})).toEqual({ filters: {}, sort: null });
    expect(toShipmentViewState({ q: '', pod: 'USLAX', exception: 'false' })).toEqual({ filters: {}, sort: null });
    expect(toShipmentViewState({ pol: 'CNNGB' }).filters).toEqual({ lane: 'CNNGB' });
  });

  it('gives back the address filters a view was saved from', () => {
    const values: ShipmentFilterValues[] = [
      {},
      { pol: 'CNSHA' },
      { pol: 'CNSHA', pod: 'USLAX', exception: 'true' },
      { customerId: '0190a3c0-0000-7000-8000-000000000001', etdFrom: '2027-02-01', etdTo: '2027-02-28' },
    ];
    for (const value of values) {
      const { filters, sort } = toShipmentViewState(value);
      expect(fromShipmentViewState({ filters, sort, columns: null })).toEqual(value);
    }
    expect(fromShipmentViewState({ filters: { lane: 'CNSHA-USLAX', exception: false } })).toEqual({
      pol: 'CNSHA',
      pod: 'USLAX',
    });
  });
});
