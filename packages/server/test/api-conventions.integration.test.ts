import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp } from './harness';

describe('API conventions every module follows', () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT_BYTES: '4096' });
    admin = await t.setup();
  });
  afterAll(() => t.close());

  it('pages lists by cursor without gaps or repeats', async () => {
    const names = Array.from({ length: 7 }, (_, i) => `Page team ${i}`);
    for (const name of names) await t.request('POST', '/api/teams', { as: admin, body: { name } });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/teams?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.request('GET', url, { as: admin })).json();
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((i: { name: string }) => i.name));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(names);
  });

  it('rejects a malformed cursor and an out-of-range limit with field errors', async () => {
    const badCursor = await t.request('GET', '/api/teams?cursor=%%%garbage', { as: admin });
    expect(badCursor.statusCode).toBe(422);
    expect(badCursor.json().errors[0].field).toBe('cursor');
    const badLimit = await t.request('GET', '/api/teams?limit=100000', { as: admin });
    expect(badLimit.statusCode).toBe(400);
    expect(badLimit.json().errors[0].field).toBe('limit');
  });

  it('sends the version as ETag and answers 412 to an update based on a stale version', async () => {
    const team = await t.request('POST', '/api/teams', { as: admin, body: { name: 'Versioned' } });
    const id = team.json().id;
    const got = await t.request('GET', `/api/teams/${id}`, { as: admin });
    expect(got.headers.etag).toBe('"1"');
    const first = await t.request('PATCH', `/api/teams/${id}`, {
      as: admin,
      body: { name: 'Versioned A' },
      headers: { 'if-match': '"1"' },
    });
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"2"');
    const stale = await t.request('PATCH', `/api/teams/${id}`, {
      as: admin,
      body: { name: 'Versioned B' },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe('conflict.version');
    const staleDelete = await t.request('DELETE', `/api/teams/${id}`, { as: admin, headers: { 'if-match': '"1"' } });
    expect(staleDelete.statusCode).toBe(412);
    expect((await t.request('GET', `/api/teams/${id}`, { as: admin })).json().name).toBe('Versioned A');
  });

  it('lets exactly one of several concurrent updates of the same version win', async () => {
    const id = (await t.request('POST', '/api/teams', { as: admin, body: { name: 'Race' } })).json().id;
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        t.request('PATCH', `/api/teams/${id}`, {
          as: admin,
          body: { name: `Race ${i}` },
          headers: { 'if-match': '"1"' },
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 412, 412, 412, 412]);
    const winner = results.find((r) => r.statusCode === 200)?.json().name;
    expect((await t.request('GET', `/api/teams/${id}`, { as: admin })).json().name).toBe(winner);
  });

  it('replays a POST with the same Idempotency-Key instead of creating twice', async () => {
    const headers = { 'idempotency-key': 'create-team-42' };
    const a = await t.request('POST', '/api/teams', { as: admin, body: { name: 'Idem' }, headers });
    const b = await t.request('POST', '/api/teams', { as: admin, body: { name: 'Idem' }, headers });
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.json().id).toBe(a.json().id);
    const reused = await t.request('POST', '/api/teams', { as: admin, body: { name: 'Other' }, headers });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('idempotency.key_reused');
    const list = (await t.request('GET', '/api/teams?q=Idem', { as: admin })).json().items;
    expect(list).toHaveLength(1);
  });

  it('answers problem+json with field names for invalid bodies, in the caller language', async () => {
    const en = await t.request('POST', '/api/users', {
      as: admin,
      body: { email: 'not-an-email', name: '', password: 'x', roleId: 'nope', surprise: 1 },
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(en.statusCode).toBe(422);
    expect(en.headers['content-type']).toContain('application/problem+json');
    const body = en.json();
    expect(body).toMatchObject({ status: 422, code: 'validation.failed', detail: 'Some fields are not valid.' });
    const fields = body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'name', 'password', 'roleId']));
    expect(body.errors.find((e: { field: string }) => e.field === 'email').message).toBe('Not a valid email address');
    const zh = await t.request('POST', '/api/users', {
      as: admin,
      body: { email: 'bad' },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(zh.json().detail).toBe('部分字段填写有误。');
    expect(zh.json().errors.find((e: { field: string }) => e.field === 'email').message).toBe('邮箱格式不正确');
  });

  it('maps a duplicate to the same error as the explicit check, on the field', async () => {
    await t.request('POST', '/api/teams', { as: admin, body: { name: 'Unique team' } });
    const dup = await t.request('POST', '/api/teams', { as: admin, body: { name: 'UNIQUE TEAM' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'team.name_taken', errors: [{ field: 'name', code: 'team.name_taken' }] });
  });

  it('refuses bodies over the size limit and malformed JSON', async () => {
    const big = await t.request('POST', '/api/teams', { as: admin, body: { name: 'x'.repeat(10_000) } });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('request.too_large');
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/teams',
      payload: '{"name": ',
      headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('request.malformed');
  });

  it('sends security headers and keeps API answers out of caches', async () => {
    const response = await t.request('GET', '/api/me', { as: admin });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-request-id']).toBeTruthy();
  });

  it('answers unknown API paths with a problem+json 404', async () => {
    const response = await t.request('GET', '/api/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('route.not_found');
  });

  it('serves the API docs, health, readiness and Prometheus metrics', async () => {
    expect((await t.request('GET', '/api/docs/')).statusCode).toBe(200);
    expect((await t.request('GET', '/healthz')).json()).toEqual({ status: 'ok' });
    expect((await t.request('GET', '/readyz')).json().status).toBe('ready');
    const metrics = (await t.request('GET', '/metrics')).body;
    expect(metrics).toContain('process_cpu_user_seconds_total');
    expect(metrics).toContain('process_resident_memory_bytes');
    expect(metrics).toMatch(/http_requests_total\{method="GET",route="\/api\/teams\/:id",status_code="200"\} \d+/);
    expect(metrics).toContain('http_request_duration_seconds_bucket');
  });
});
