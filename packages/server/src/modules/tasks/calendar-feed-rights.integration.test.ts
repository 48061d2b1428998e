import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganisation, type Factories } from '../../../test/factories';
import { type Session, startTestApp, type TestApp } from '../../../test/harness';

describe('the private calendar feed follows its user’s current role', () => {
  let t: TestApp;
  let admin: Session;
  let make: Factories;

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin, make } = await anOrganisation(t, { name: '日历货代' }));
  });
  afterAll(async () => t?.close());

  it('stops showing tasks once the role no longer reads them', async () => {
    const role = (
      await t.request('POST', '/api/roles', {
        as: admin,
        body: {
          key: 'planner',
          name: '计划员',
          nameEn: 'Planner',
          permissions: { users: { read: 'org' }, tasks: { read: 'own', create: 'own', update: 'own' } },
        },
      })
    ).json();
    const planner = await make.user('planner', { name: '计划员' });
    const task = await t.request('POST', '/api/tasks', {
      as: planner,
      body: { title: '订舱确认 SHA→HAM', dueAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    expect(task.statusCode, task.body).toBe(201);
    const url = new URL((await t.request('POST', '/api/calendar/feed', { as: planner })).json().url);
    const feed = async () => (await t.request('GET', url.pathname)).body;
    expect(await feed()).toContain('订舱确认 SHA→HAM');

    const current = (await t.request('GET', `/api/roles/${role.id}`, { as: admin })).json();
    const narrowed = await t.request('PATCH', `/api/roles/${role.id}`, {
      as: admin,
      headers: { 'if-match': `"${current.version}"` },
      body: { permissions: { users: { read: 'org' } } },
    });
    expect(narrowed.statusCode, narrowed.body).toBe(200);
    const after = await feed();
    expect(after).toContain('BEGIN:VCALENDAR');
    expect(after).not.toContain('订舱确认');
  });
});
