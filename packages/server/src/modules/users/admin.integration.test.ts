import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganisation, type Factories } from '../../../test/factories';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';

describe('users, teams and roles with data scope and audit', () => {
  let t: TestApp;
  let admin: Session;
  let make: Factories;
  let east: string;
  let eastSub: string;
  let south: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin, make } = await anOrganisation(t, { name: 'Scope Co.' }));
    east = (await make.team({ name: '华东销售部' })).id;
    eastSub = (await make.team({ name: '宁波组', parentId: east })).id;
    south = (await make.team({ name: '华南销售部' })).id;
  });
  afterAll(() => t.close());

  it('shows a sales manager the users of their team and its sub-teams only; a rep sees their team', async () => {
    const manager = await make.user('sales_manager', { teamId: east, name: 'Manager East' });
    const repSub = await make.user('sales_rep', { teamId: eastSub, name: 'Rep Ningbo' });
    const repSouth = await make.user('sales_rep', { teamId: south, name: 'Rep South' });
    const managerSees = (await t.request('GET', '/api/users', { as: manager }))
      .json()
      .items.map((u: { name: string }) => u.name);
    expect(managerSees.sort()).toEqual(['Manager East', 'Rep Ningbo'].sort());
    expect((await t.request('GET', `/api/users/${repSouth.id}`, { as: manager })).statusCode).toBe(404);
    const teamsNow = (await t.request('GET', '/api/teams', { as: admin })).json().items;
    expect(teamsNow.find((x: { id: string }) => x.id === east).memberCount).toBe(1);
    expect(teamsNow.find((x: { id: string }) => x.id === eastSub).memberCount).toBe(1);
    const rolesNow = (await t.request('GET', '/api/roles', { as: admin })).json().items;
    expect(rolesNow.find((r: { key: string }) => r.key === 'admin').userCount).toBe(1);
    expect(rolesNow.find((r: { key: string }) => r.key === 'sales_rep').userCount).toBe(2);
    const repSees = (await t.request('GET', '/api/users', { as: repSub }))
      .json()
      .items.map((u: { name: string }) => u.name);
    expect(repSees).toEqual(['Rep Ningbo']);
    // reps have no right to create users or teams
    expect((await t.request('POST', '/api/teams', { as: repSub, body: { name: 'Mine' } })).statusCode).toBe(403);
  });

  it('records every change with who, when and old → new values, but never a password hash', async () => {
    const user = await make.user('operations', { name: 'Liu' });
    const before = await t.request('GET', `/api/users/${user.id}`, { as: admin });
    const updated = await t.request('PATCH', `/api/users/${user.id}`, {
      as: admin,
      body: { name: 'Liu Yang', teamId: south, password: 'Another-pass-99' },
      headers: { 'if-match': before.headers.etag as string },
    });
    expect(updated.statusCode).toBe(200);
    const entries = (
      await t.request('GET', `/api/audit?entity=users&entityId=${user.id}&action=update`, { as: admin })
    ).json();
    const change = entries.items[0];
    expect(change.actorId).toBe(admin.me.user.id);
    expect(change.actorName).toBe('Admin');
    expect(change.changes.name).toEqual(['Liu', 'Liu Yang']);
    expect(change.changes.team_id).toEqual([null, south]);
    expect(change.changes.password_hash).toEqual(['***', '***']);
    expect(JSON.stringify(entries)).not.toContain('$argon2');
    // a reset password ends that user's sessions
    expect((await t.request('GET', '/api/me', { as: user })).statusCode).toBe(401);
  });

  it('filters the audit log by actor, action and time', async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const mine = (
      await t.request(
        'GET',
        `/api/audit?actorId=${admin.me.user.id}&action=create&entity=teams&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
        {
          as: admin,
        },
      )
    ).json().items;
    expect(mine.length).toBeGreaterThanOrEqual(3);
    expect(mine.every((e: { action: string; entity: string }) => e.action === 'create' && e.entity === 'teams')).toBe(
      true,
    );
    const future = (await t.request('GET', `/api/audit?from=${encodeURIComponent(to)}`, { as: admin })).json().items;
    expect(future).toHaveLength(0);
  });

  it('refuses a team placed under its own sub-team, and deleting a team that has members', async () => {
    const etag = (await t.request('GET', `/api/teams/${east}`, { as: admin })).headers.etag as string;
    const cycle = await t.request('PATCH', `/api/teams/${east}`, {
      as: admin,
      body: { parentId: eastSub },
      headers: { 'if-match': etag },
    });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().errors[0]).toMatchObject({ field: 'parentId', code: 'team.parent_cycle' });
    const busy = await t.request('DELETE', `/api/teams/${eastSub}`, { as: admin });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().code).toBe('conflict.in_use');
    const empty = await make.team({ name: 'Temporary' });
    expect(
      (await t.request('DELETE', `/api/teams/${empty.id}`, { as: admin, headers: { 'if-match': '"1"' } })).statusCode,
    ).toBe(204);
  });

  it('lets custom roles grant exactly what they list, keeps built-in roles and the administrator intact', async () => {
    const role = await t.request('POST', '/api/roles', {
      as: admin,
      body: {
        key: 'team_lead',
        name: '组长',
        nameEn: 'Team lead',
        permissions: { teams: { read: 'org', create: 'org' } },
      },
    });
    expect(role.statusCode).toBe(201);
    const bad = await t.request('POST', '/api/roles', {
      as: admin,
      body: { key: 'weird', name: 'x', nameEn: 'x', permissions: { spaceships: { fly: 'org' } } },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('permissions.spaceships');
    const roles = (await t.request('GET', '/api/roles', { as: admin })).json().items;
    const adminRole = roles.find((r: { key: string }) => r.key === 'admin');
    const lockAdmin = await t.request('PATCH', `/api/roles/${adminRole.id}`, {
      headers: { 'if-match': '*' },
      as: admin,
      body: { permissions: {} },
    });
    expect(lockAdmin.json().code).toBe('validation.failed');
    expect(lockAdmin.json().errors[0].code).toBe('role.admin_locked');
    const delBuiltin = await t.request('DELETE', `/api/roles/${adminRole.id}`, { as: admin });
    expect(delBuiltin.json().code).toBe('role.builtin_readonly');
    const lead = await make.user('team_lead');
    expect((await t.request('POST', '/api/teams', { as: lead, body: { name: 'Lead team' } })).statusCode).toBe(201);
    expect((await t.request('GET', '/api/users', { as: lead })).statusCode).toBe(403);
    expect((await t.request('DELETE', `/api/roles/${role.json().id}`, { as: admin })).statusCode).toBe(409);
  });

  it('does not let an administrator disable their own account, and a disabled user cannot sign in', async () => {
    const self = await t.request('GET', `/api/users/${admin.me.user.id}`, { as: admin });
    const selfDisable = await t.request('PATCH', `/api/users/${admin.me.user.id}`, {
      as: admin,
      body: { status: 'disabled' },
      headers: { 'if-match': self.headers.etag as string },
    });
    expect(selfDisable.statusCode).toBe(422);
    const user = await make.user('finance');
    await t.request('PATCH', `/api/users/${user.id}`, {
      headers: { 'if-match': '*' },
      as: admin,
      body: { status: 'disabled' },
    });
    expect((await t.request('GET', '/api/me', { as: user })).statusCode).toBe(401);
    const login = await t.request('POST', '/api/auth/login', {
      body: { email: user.email, password: 'Test-password-1' },
    });
    expect(login.statusCode).toBe(403);
    expect(login.json().code).toBe('auth.disabled');
  });

  it('refuses an email that is already used in the organisation, on the email field', async () => {
    const existing = await make.user('marketing');
    const roleId = (await t.request('GET', `/api/users/${existing.id}`, { as: admin })).json().roleId;
    const dup = await t.request('POST', '/api/users', {
      as: admin,
      body: { email: existing.email.toUpperCase(), name: 'Dup', password: 'Test-password-1', roleId },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0]).toMatchObject({ field: 'email', code: 'user.email_taken' });
  });
});
