import { encodeDeliveryError } from '@berth/domain';
import { PrivateAddressError } from './network-guard';

/** No answer within the delivery's time limit. */
export class DeliveryTimeoutError extends Error {
  constructor(readonly seconds: number) {
    super(`no answer within ${seconds} s`);
    this.name = 'DeliveryTimeoutError';
  }
}

const tlsCodes = /^(CERT_|ERR_TLS_|ERR_SSL_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_)/;

/**
 * Why a delivery failed, stored as a code with its parameters (`encodeDeliveryError`) so that the delivery log and
 * the disable notice read in each reader's language; what only the remote side can explain stays its own text.
 */
export function deliveryFailure(failure: unknown, url: string): string {
  const host = new URL(url).host;
  if (failure instanceof DeliveryTimeoutError)
    return encodeDeliveryError('delivery.timeout', { seconds: String(failure.seconds) });
  if (failure instanceof PrivateAddressError) return encodeDeliveryError('delivery.private_address', { host });
  const code = (failure as NodeJS.ErrnoException | null)?.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return encodeDeliveryError('delivery.host_not_found', { host });
  if (code === 'ECONNREFUSED') return encodeDeliveryError('delivery.connection_refused', { host });
  if (code === 'ECONNRESET' || code === 'EPIPE') return encodeDeliveryError('delivery.connection_reset');
  const detail = (failure instanceof Error ? failure.message : String(failure)).slice(0, 500);
  if (tlsCodes.test(code)) return encodeDeliveryError('delivery.tls_failed', { detail });
  return encodeDeliveryError('delivery.failed', { detail });
}

/** An answer outside 2xx. */
export const httpStatusFailure = (status: number) =>
  encodeDeliveryError('delivery.http_status', { status: String(status) });
