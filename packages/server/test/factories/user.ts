import { randomUUID } from 'node:crypto';
import type { Role } from '@berth/domain';
import { type Session, type TestApp, testPassword } from '../harness';
import { created } from './created';
import type { Member } from './member';

export interface UserFields {
  name?: string;
  email?: string;
  teamId?: string | null;
}

/** Role ids by key, per organisation: one look-up for all the users a test makes. */
const roleIds = new Map<string, Map<string, string>>();

async function roleId(t: TestApp, as: Session, key: string): Promise<string> {
  const orgId = as.me.organization.id;
  let known = roleIds.get(orgId)?.get(key);
  if (!known) {
    const roles = (await t.request('GET', '/api/roles?limit=200', { as })).json().items as Role[];
    roleIds.set(orgId, new Map(roles.map((r) => [r.key, r.id])));
    known = roleIds.get(orgId)?.get(key);
  }
  if (!known) throw new Error(`no role ${key}`);
  return known;
}

/** A user with a role (by key, built-in or custom), created by `as` and signed in. */
export async function aUser(t: TestApp, as: Session, role: string, fields: UserFields = {}): Promise<Member> {
  const email = fields.email ?? `${role}-${randomUUID().slice(0, 8)}@example.com`;
  const body = {
    email,
    name: fields.name ?? role,
    password: testPassword,
    roleId: await roleId(t, as, role),
    teamId: fields.teamId ?? null,
  };
  const { id } = await created<{ id: string }>(t.request('POST', '/api/users', { as, body }), `user ${email}`);
  return { ...(await t.login(email)), id, email };
}
