import { decodeDeliveryError } from '@berth/domain';
import { describe, expect, it } from 'vitest';
import { DeliveryTimeoutError, deliveryFailure } from './delivery-failure';
import { PrivateAddressError } from './network-guard';

const errno = (code: string, message = code) => Object.assign(new Error(message), { code });
const decoded = (failure: unknown) =>
  decodeDeliveryError(deliveryFailure(failure, 'https://hooks.example.com:8443/in'));

describe('why a webhook delivery failed, as a code', () => {
  it('names the usual network failures by code with the receiver’s host', () => {
    expect(decoded(new DeliveryTimeoutError(10))).toEqual({ code: 'delivery.timeout', params: { seconds: '10' } });
    expect(decoded(new PrivateAddressError('hooks.example.com'))).toMatchObject({ code: 'delivery.private_address' });
    expect(decoded(errno('ENOTFOUND'))).toEqual({
      code: 'delivery.host_not_found',
      params: { host: 'hooks.example.com:8443' },
    });
    expect(decoded(errno('ECONNREFUSED'))).toMatchObject({ code: 'delivery.connection_refused' });
    expect(decoded(errno('ECONNRESET'))).toEqual({ code: 'delivery.connection_reset', params: {} });
    expect(decoded(errno('CERT_HAS_EXPIRED', 'certificate has expired'))).toEqual({
      code: 'delivery.tls_failed',
      params: { detail: 'certificate has expired' },
    });
  });

  it('keeps anything else as the generic failure with its text', () => {
    expect(decoded(new Error('socket hang up'))).toEqual({
      code: 'delivery.failed',
      params: { detail: 'socket hang up' },
    });
  });
});
