import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, isPrivateAddress } from './network-guard';

describe('the webhook network guard', () => {
  it('refuses loopback, private, link-local, CGNAT and mapped addresses, and lets public ones through', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ['8.8.8.8', '114.114.114.114', '2001:4860:4860::8888']) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });

  it('checks literal addresses and localhost when a webhook is saved', async () => {
    expect(await checkWebhookUrl('http://127.0.0.1:8080/hook', false)).toBe('webhook.url_private');
    expect(await checkWebhookUrl('http://[::1]/hook', false)).toBe('webhook.url_private');
    expect(await checkWebhookUrl('http://localhost/hook', false)).toBe('webhook.url_private');
    expect(await checkWebhookUrl('http://127.0.0.1:8080/hook', true)).toBe('ok');
    expect(await checkWebhookUrl('https://8.8.8.8/hook', false)).toBe('ok');
  });
});
