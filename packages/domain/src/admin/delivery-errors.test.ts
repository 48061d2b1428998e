import { describe, expect, it } from 'vitest';
import { decodeDeliveryError, deliveryErrorCodes, deliveryErrorText, encodeDeliveryError } from './delivery-errors';

describe('delivery errors: stored as codes, read in each language', () => {
  it('every code reads in Chinese and English, with its parameters filled in', () => {
    const params = { detail: 'x', status: '503', seconds: '10', host: 'hooks.example.com' };
    for (const code of deliveryErrorCodes) {
      const zh = deliveryErrorText({ code, params }, 'zh-CN');
      const en = deliveryErrorText({ code, params }, 'en');
      expect(zh, code).toMatch(/[\u4e00-\u9fff]/);
      expect(en, code).not.toMatch(/[\u4e00-\u9fff]/);
      expect(`${zh} ${en}`, code).not.toContain('{{');
    }
  });

  it('round-trips a coded error and reads the English sentences stored before', () => {
    expect(decodeDeliveryError(encodeDeliveryError('delivery.http_status', { status: '500' }))).toEqual({
      code: 'delivery.http_status',
      params: { status: '500' },
    });
    expect(decodeDeliveryError('HTTP 502')).toEqual({ code: 'delivery.http_status', params: { status: '502' } });
    expect(decodeDeliveryError('no answer within 10 s')).toEqual({
      code: 'delivery.timeout',
      params: { seconds: '10' },
    });
    expect(decodeDeliveryError('127.0.0.1 resolves to a private or local address')).toEqual({
      code: 'delivery.private_address',
      params: { host: '127.0.0.1' },
    });
    expect(decodeDeliveryError('webhook disabled')).toEqual({ code: 'delivery.webhook_disabled', params: {} });
    expect(decodeDeliveryError('socket hang up')).toEqual({
      code: 'delivery.failed',
      params: { detail: 'socket hang up' },
    });
    expect(deliveryErrorText({ code: 'delivery.timeout', params: { seconds: '10' } }, 'zh-CN')).toBe(
      '接收方 10 秒内无应答',
    );
  });
});
