import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, startTestApp, type TestApp } from './harness';

/** Administrators with a narrow scope cannot reach past it through roles and team trees. */
describe('roles and teams edited by someone with less than everything', () => {
  let t: TestApp;
  let admin: Session;
  let east: string;
  let eastSub: string;
  let south: string;

  const roleId = async (key: string) =>
    (
      (await t.request('GET', '/api/roles?limit=200', { as: admin })).json().items as { id: string; key: string }[]
    ).find((r) => r.key === key)?.id as string;

  const createRole = async (key: string, permissions: Record<string, Record<string, string>>) => {
    const created = await t.request('POST', '/api/roles', {
      as: admin,
      body: { key, name: key, nameEn: key, permissions },
    });
    expect(created.statusCode).toBe(201);
    return created.json().id as string;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.setup('Escalation Co.');
    east = (await t.request('POST', '/api/teams', { as: admin, body: { name: 'East' } })).json().id;
    eastSub = (await t.request('POST', '/api/teams', { as: admin, body: { name: 'East sub', parentId: east } })).json()
      .id;
    south = (await t.request('POST', '/api/teams', { as: admin, body: { name: 'South' } })).json().id;
  });
  afterAll(() => t.close());

  it('lets a role manager change or delete only roles whose every right they hold themselves', async () => {
    await createRole('role_manager', {
      roles: { read: 'org', create: 'org', update: 'org', delete: 'org' },
      customers: { read: 'own' },
    });
    const weaker = await createRole('reader', { customers: { read: 'own' } });
    const stronger = await createRole('exporter', { customers: { read: 'org', export: 'org' } });
    const manager = await t.userWithRole(admin, 'role_manager');

    // Narrowing the role every rep holds is a change of their rights: refused, and nothing stored.
    const salesRep = await roleId('sales_rep');
    const narrow = await t.request('PATCH', `/api/roles/${salesRep}`, {
      headers: { 'if-match': '*' },
      as: manager,
      body: { permissions: { customers: { read: 'own' } } },
    });
    expect(narrow.statusCode).toBe(403);
    const rename = await t.request('PATCH', `/api/roles/${stronger}`, {
      headers: { 'if-match': '*' },
      as: manager,
      body: { name: 'renamed' },
    });
    expect(rename.statusCode).toBe(403);
    expect((await t.request('DELETE', `/api/roles/${stronger}`, { as: manager })).statusCode).toBe(403);
    const repRole = (await t.request('GET', `/api/roles/${salesRep}`, { as: admin })).json();
    expect(repRole.permissions.customers).toMatchObject({ read: 'own', create: 'own', update: 'own' });
    expect((await t.request('GET', `/api/roles/${stronger}`, { as: admin })).json().name).toBe('exporter');

    const edited = await t.request('PATCH', `/api/roles/${weaker}`, {
      headers: { 'if-match': '*' },
      as: manager,
      body: { name: 'reader 2' },
    });
    expect(edited.statusCode).toBe(200);
    expect((await t.request('DELETE', `/api/roles/${weaker}`, { as: manager })).statusCode).toBe(204);
  });

  it('keeps a team-scoped administrator from placing a team under one outside their teams', async () => {
    await createRole('team_admin', { teams: { read: 'team', create: 'team', update: 'team' } });
    const lead = await t.userWithRole(admin, 'team_admin', { teamId: east });
    const etag = async (id: string) =>
      (await t.request('GET', `/api/teams/${id}`, { as: admin })).headers.etag as string;
    const move = async (id: string, parentId: string | null) =>
      t.request('PATCH', `/api/teams/${id}`, { as: lead, body: { parentId }, headers: { 'if-match': await etag(id) } });

    for (const parentId of [south, null]) {
      const moved = await move(east, parentId);
      expect(moved.statusCode).toBe(422);
      expect(moved.json().errors[0]).toMatchObject({ field: 'parentId', code: 'team.parent_outside_scope' });
    }
    expect((await t.request('GET', `/api/teams/${east}`, { as: admin })).json().parentId).toBeNull();

    const underSouth = await t.request('POST', '/api/teams', { as: lead, body: { name: 'Lead s', parentId: south } });
    expect(underSouth.statusCode).toBe(422);
    expect(underSouth.json().errors[0].code).toBe('team.parent_outside_scope');
    const atTop = await t.request('POST', '/api/teams', { as: lead, body: { name: 'Lead top' } });
    expect(atTop.statusCode).toBe(422);

    // Nor can they widen someone else's scope by making them manager of one of their teams.
    const outsider = await t.userWithRole(admin, 'sales_rep', { teamId: south });
    const managed = await t.request('PATCH', `/api/teams/${eastSub}`, {
      as: lead,
      body: { managerId: outsider.id },
      headers: { 'if-match': await etag(eastSub) },
    });
    expect(managed.statusCode).toBe(422);
    expect(managed.json().errors[0]).toMatchObject({ field: 'managerId', code: 'team.manager_outside_scope' });
    const ownManager = await t.request('PATCH', `/api/teams/${eastSub}`, {
      as: lead,
      body: { managerId: lead.id },
      headers: { 'if-match': await etag(eastSub) },
    });
    expect(ownManager.statusCode, ownManager.body).toBe(200);

    // Within their own tree they organise freely.
    const inside = await t.request('POST', '/api/teams', { as: lead, body: { name: 'Lead e', parentId: eastSub } });
    expect(inside.statusCode).toBe(201);
    expect((await move(inside.json().id, east)).statusCode).toBe(200);
  });

  it('answers a team write with the team, while reading it stays within the writer’s scope', async () => {
    // Someone who may create and edit any team but reads only the teams they manage.
    await createRole('team_clerk', { teams: { read: 'own', create: 'org', update: 'org' } });
    const clerk = await t.userWithRole(admin, 'team_clerk');
    const created = await t.request('POST', '/api/teams', { as: clerk, body: { name: 'Clerk made' } });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect(created.json()).toMatchObject({ name: 'Clerk made', managerId: null, version: 1 });
    const renamed = await t.request('PATCH', `/api/teams/${id}`, {
      as: clerk,
      body: { name: 'Clerk renamed' },
      headers: { 'if-match': '"1"' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ id, name: 'Clerk renamed', version: 2 });

    expect((await t.request('GET', `/api/teams/${id}`, { as: clerk })).statusCode).toBe(404);
    const listed = (await t.request('GET', '/api/teams?limit=200', { as: clerk })).json().items;
    expect(listed.map((team: { id: string }) => team.id)).not.toContain(id);
    expect((await t.request('GET', `/api/teams/${id}`, { as: admin })).json().name).toBe('Clerk renamed');
  });
});
