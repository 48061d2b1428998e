import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp, testPassword } from '../../../test/harness';

describe('first-run setup and signing in', () => {
  let t: TestApp;
  let admin: Session;
  const adminEmail = 'owner@forwarder.example';

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES: '3' });
  });
  afterAll(() => t.close());

  it('reports that setup is needed, then creates the organisation and signs the administrator in', async () => {
    expect((await t.request('GET', '/api/setup')).json()).toEqual({ setupRequired: true, sessionCookie: false });
    const response = await t.request('POST', '/api/setup', {
      body: {
        organization: { name: '海港货代' },
        admin: { name: '管理员', email: adminEmail, password: testPassword },
      },
    });
    expect(response.statusCode).toBe(201);
    const cookie = response.cookies.find((c) => c.name === 'berth_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(response.json().role.key).toBe('admin');
    expect(response.json().csrfToken).toMatch(/^[\w-]{20,}$/);
    admin = await t.login(adminEmail);
    expect(admin.me.organization.name).toBe('海港货代');
  });

  it('closes setup once an organisation exists', async () => {
    expect((await t.request('GET', '/api/setup')).json()).toEqual({ setupRequired: false, sessionCookie: false });
    // A browser with a session cookie is told so, and asks who is signed in; one without it does not.
    expect((await t.request('GET', '/api/setup', { as: admin })).json()).toEqual({
      setupRequired: false,
      sessionCookie: true,
    });
    const again = await t.request('POST', '/api/setup', {
      body: { organization: { name: 'Other' }, admin: { name: 'X', email: 'x@example.com', password: testPassword } },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('setup.already_done');
  });

  it('creates the eight built-in roles', async () => {
    const roles = (await t.request('GET', '/api/roles', { as: admin })).json().items.map((r: { key: string }) => r.key);
    expect(roles.sort()).toEqual(
      [
        'admin',
        'customer_service',
        'finance',
        'management',
        'marketing',
        'operations',
        'sales_manager',
        'sales_rep',
      ].sort(),
    );
  });

  it('answers 401 with the same message for a wrong password and an unknown email', async () => {
    const wrong = await t.request('POST', '/api/auth/login', {
      body: { email: 'nobody@example.com', password: 'whatever-1234' },
      headers: { 'accept-language': 'en' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.json()).toMatchObject({
      code: 'auth.invalid_credentials',
      detail: 'The email or password is not correct.',
    });
    const zh = await t.request('POST', '/api/auth/login', { body: { email: 'nobody@example.com', password: 'x' } });
    expect(zh.json().detail).toBe('邮箱或密码不正确。');
  });

  it('locks an account after repeated failures, even for the right password, and an admin can unlock it', async () => {
    const rep = await t.userWithRole(admin, 'sales_rep');
    for (let i = 0; i < 3; i++) {
      const r = await t.request('POST', '/api/auth/login', {
        body: { email: rep.email, password: 'Wrong-password-9' },
      });
      expect(r.statusCode).toBe(401);
    }
    const locked = await t.request('POST', '/api/auth/login', { body: { email: rep.email, password: testPassword } });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('auth.locked');
    const user = await t.request('GET', `/api/users/${rep.id}`, { as: admin });
    expect(user.json().lockedUntil).not.toBeNull();
    const unlock = await t.request('PATCH', `/api/users/${rep.id}`, {
      as: admin,
      body: { unlock: true },
      headers: { 'if-match': user.headers.etag as string },
    });
    expect(unlock.statusCode).toBe(200);
    expect(
      (await t.request('POST', '/api/auth/login', { body: { email: rep.email, password: testPassword } })).statusCode,
    ).toBe(200);
    const audit = (await t.request('GET', `/api/audit?entityId=${rep.id}&action=locked`, { as: admin })).json();
    expect(audit.items).toHaveLength(1);
  });

  it('refuses cookie-authenticated writes without the CSRF token', async () => {
    const noToken = await t.request('POST', '/api/teams', { body: { name: 'Ops' }, headers: { cookie: admin.cookie } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('auth.csrf_invalid');
    const wrongToken = await t.request('POST', '/api/teams', {
      body: { name: 'Ops' },
      headers: { cookie: admin.cookie, 'x-csrf-token': 'forged-token-value-000000' },
    });
    expect(wrongToken.statusCode).toBe(403);
    expect((await t.request('POST', '/api/teams', { as: admin, body: { name: 'Ops' } })).statusCode).toBe(201);
  });

  it('gives a new session on every sign-in and ends the one the browser had (no session fixation)', async () => {
    const first = await t.login(adminEmail);
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: adminEmail, password: testPassword },
      headers: { cookie: first.cookie },
    });
    const newCookie = second.cookies.find((c) => c.name === 'berth_session')?.value;
    expect(`berth_session=${newCookie}`).not.toBe(first.cookie);
    expect((await t.request('GET', '/api/me', { as: first })).statusCode).toBe(401);
  });

  it('signs out, after which the session no longer works', async () => {
    const s = await t.login(adminEmail);
    expect((await t.request('GET', '/api/me', { as: s })).statusCode).toBe(200);
    expect((await t.request('POST', '/api/auth/logout', { as: s })).statusCode).toBe(204);
    expect((await t.request('GET', '/api/me', { as: s })).statusCode).toBe(401);
  });

  it('changes the password, ending the other sessions but keeping this one', async () => {
    const rep = await t.userWithRole(admin, 'sales_rep');
    const other = await t.login(rep.email);
    const weak = await t.request('POST', '/api/me/password', {
      as: rep,
      body: { currentPassword: testPassword, newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().errors.map((e: { field: string }) => e.field)).toContain('newPassword');
    const wrongCurrent = await t.request('POST', '/api/me/password', {
      as: rep,
      body: { currentPassword: 'not-it-12345', newPassword: 'New-password-22' },
    });
    expect(wrongCurrent.json().errors[0].field).toBe('currentPassword');
    const ok = await t.request('POST', '/api/me/password', {
      as: rep,
      body: { currentPassword: testPassword, newPassword: 'New-password-22' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await t.request('GET', '/api/me', { as: rep })).statusCode).toBe(200);
    expect((await t.request('GET', '/api/me', { as: other })).statusCode).toBe(401);
    expect((await t.login(rep.email, 'New-password-22')).me.user.email).toBe(rep.email);
  });

  it('lists my sessions and revokes one of them', async () => {
    const a = await t.login(adminEmail);
    const b = await t.login(adminEmail);
    const list = (await t.request('GET', '/api/me/sessions', { as: a })).json().items;
    const current = list.find((s: { current: boolean }) => s.current);
    const others = list.filter((s: { current: boolean }) => !s.current);
    expect(current).toBeDefined();
    expect(others.length).toBeGreaterThan(0);
    for (const s of others) {
      expect((await t.request('DELETE', `/api/me/sessions/${s.id}`, { as: a })).statusCode).toBe(204);
    }
    expect((await t.request('GET', '/api/me', { as: b })).statusCode).toBe(401);
    expect((await t.request('GET', '/api/me', { as: a })).statusCode).toBe(200);
  });

  it('accepts API keys with their role, hashed at rest, without CSRF, until revoked', async () => {
    admin = await t.login(adminEmail);
    const roles = (await t.request('GET', '/api/roles', { as: admin })).json().items;
    const management = roles.find((r: { key: string }) => r.key === 'management');
    const created = await t.request('POST', '/api/api-keys', {
      as: admin,
      body: { name: 'ERP sync', roleId: management.id },
    });
    expect(created.statusCode).toBe(201);
    const { secret, id } = created.json();
    const bearer = { authorization: `Bearer ${secret}` };
    expect((await t.request('GET', '/api/users', { headers: bearer })).statusCode).toBe(200);
    // management may read users but not create teams
    expect((await t.request('POST', '/api/teams', { headers: bearer, body: { name: 'X' } })).statusCode).toBe(403);
    const stored = await t.db.execute(`select secret_hash from api_keys where id = '${id}'`);
    expect(JSON.stringify(stored)).not.toContain(secret.split('.').at(-1));
    expect((await t.request('DELETE', `/api/api-keys/${id}`, { as: admin })).statusCode).toBe(204);
    expect((await t.request('GET', '/api/users', { headers: bearer })).statusCode).toBe(401);
    expect(
      (await t.request('GET', '/api/users', { headers: { authorization: 'Bearer bk.nonsense' } })).statusCode,
    ).toBe(401);
  });

  it('lists API keys newest first, page by page', async () => {
    admin = await t.login(adminEmail);
    const roles = (await t.request('GET', '/api/roles', { as: admin })).json().items;
    const roleId = roles.find((r: { key: string }) => r.key === 'management').id;
    const made: string[] = [];
    for (const name of ['BI 1', 'BI 2', 'BI 3', 'BI 4', 'BI 5']) {
      made.push((await t.request('POST', '/api/api-keys', { as: admin, body: { name, roleId } })).json().id);
    }
    const all = (await t.request('GET', '/api/api-keys?limit=200', { as: admin })).json();
    expect(all.nextCursor).toBeNull();
    const ids: string[] = all.items.map((k: { id: string }) => k.id);
    // Time-ordered ids: newest first is descending id order.
    expect(ids).toEqual([...ids].sort().reverse());
    expect(ids).toEqual(expect.arrayContaining(made));

    const first = (await t.request('GET', '/api/api-keys?limit=2', { as: admin })).json();
    expect(first.items.map((k: { id: string }) => k.id)).toEqual(ids.slice(0, 2));
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (
      await t.request('GET', `/api/api-keys?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`, { as: admin })
    ).json();
    expect(second.items.map((k: { id: string }) => k.id)).toEqual(ids.slice(2, 4));
    expect(second.nextCursor).toEqual(expect.any(String));
  });

  it('rate-limits repeated sign-ins for one address and email', async () => {
    const limited = await startTestApp({ LOGIN_RATE_PER_MINUTE: '3' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        codes.push(
          (await limited.request('POST', '/api/auth/login', { body: { email: 'a@example.com', password: 'x' } }))
            .statusCode,
        );
      }
      expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
      expect(codes.slice(3)).toEqual([429, 429]);
      const last = await limited.request('POST', '/api/auth/login', {
        body: { email: 'a@example.com', password: 'x' },
      });
      expect(last.json().code).toBe('request.rate_limited');
    } finally {
      await limited.close();
    }
  });
});
