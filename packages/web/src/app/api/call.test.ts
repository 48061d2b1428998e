import { endpoints } from '@berth/domain';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api-error';
import { call, endpointPath, endpointUrl } from './call';

// The console's language setup touches the page (document, dayjs); the client only needs the current language.
vi.mock('../i18n', () => ({ currentLocale: () => 'en' }));

const customerId = '0190a6f0-0000-7000-8000-000000000001';

function answer(status: number, body?: unknown, contentType = 'application/json') {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': contentType },
  });
}

/** Stubs fetch with one answer and returns what the client sent. */
function serve(response: Response) {
  const fetch = vi.fn(async (_url: string, _init: RequestInit) => response);
  vi.stubGlobal('fetch', fetch);
  return () => {
    const [url, init] = fetch.mock.calls[0] ?? [];
    return { url, method: init?.method, headers: new Headers(init?.headers), body: init?.body };
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('endpoint addresses', () => {
  it('fills and encodes the path parameters', () => {
    expect(endpointPath(endpoints.customers.merge, { id: 'a/b c' })).toBe('/api/customers/a%2Fb%20c/merge');
  });

  it('refuses to call an address with a path parameter missing', () => {
    expect(() => endpointPath(endpoints.customers.get, {})).toThrow('path parameter id');
    expect(() => endpointPath(endpoints.customers.get, { id: '' })).toThrow('path parameter id');
  });

  it('adds the query without empty values, for links and downloads', () => {
    expect(endpointUrl(endpoints.customers.export, { query: { format: 'csv', q: '', status: undefined } })).toBe(
      '/api/customers/export?format=csv',
    );
    expect(endpointUrl(endpoints.tags.list)).toBe('/api/tags');
  });
});

describe('call', () => {
  it('sends the method, path, JSON body and If-Match of the endpoint and returns the answer', async () => {
    const tag = { id: customerId, name: 'VIP', color: 'gold', group: null, customerCount: 3, version: 4 };
    const sent = serve(answer(200, tag));
    const updated = await call(endpoints.tags.update, {
      params: { id: customerId },
      body: { name: 'VIP' },
      version: 3,
    });
    expect(updated).toEqual(tag);
    expect(sent()).toMatchObject({ url: `/api/tags/${customerId}`, method: 'PATCH', body: '{"name":"VIP"}' });
    expect(sent().headers.get('If-Match')).toBe('"3"');
    expect(sent().headers.get('Content-Type')).toBe('application/json');
    expect(sent().headers.get('Accept-Language')).toBe('en');
  });

  it('puts the query of a read in the address', async () => {
    const sent = serve(answer(200, { items: [], nextCursor: null }));
    await call(endpoints.customers.list, { query: { q: '宁波', limit: 20 } });
    expect(sent()).toMatchObject({ url: '/api/customers?q=%E5%AE%81%E6%B3%A2&limit=20', method: 'GET' });
    expect(sent().body).toBeUndefined();
  });

  it('answers nothing for an endpoint without a response (204)', async () => {
    serve(new Response(null, { status: 204 }));
    await expect(call(endpoints.tags.delete, { params: { id: customerId }, version: 2 })).resolves.toBeUndefined();
  });

  it('passes on an answer that does not match the contract, and says so in the console', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    serve(answer(200, { updated: 'two' }));
    const result = await call(endpoints.customers.bulkTags, { body: { customerIds: [customerId] } });
    expect(result).toEqual({ updated: 'two' });
    expect(warn).toHaveBeenCalledWith(
      'Response of /api/customers/bulk-tags does not match the contract',
      expect.anything(),
    );
  });

  it('throws the problem of a refused call as ApiError', async () => {
    serve(
      answer(
        404,
        { type: 'about:blank', title: 'Not Found', status: 404, code: 'resource.not_found', detail: 'gone' },
        'application/problem+json',
      ),
    );
    const error = await call(endpoints.customers.get, { params: { id: customerId }, redirectOn401: false }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'resource.not_found' });
  });
});
