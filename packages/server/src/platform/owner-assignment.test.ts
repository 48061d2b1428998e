import type { Scope } from '@berth/domain';
import { describe, expect, it } from 'vitest';
import type { Ctx } from './context';
import { type OwnerRequest, type OwnerUser, ownerProblem } from './owner-assignment';

const east = 'team-east';
const eastSub = 'team-east-sub';
const west = 'team-west';
const me: OwnerUser = { id: 'me', name: 'me', teamId: east, status: 'active' };
const teammate: OwnerUser = { id: 'mate', name: 'mate', teamId: eastSub, status: 'active' };
const outsider: OwnerUser = { id: 'west', name: 'west', teamId: west, status: 'active' };
const leaver: OwnerUser = { ...teammate, id: 'leaver', status: 'disabled' };

const ctxWith = (scope: Scope) =>
  ({
    orgId: 'org',
    actor: { type: 'user', id: me.id },
    userId: me.id,
    teamIds: [east, eastSub],
    permissions: { customers: { create: scope, update: scope } },
    locale: 'en',
    db: undefined as never,
  }) as unknown as Ctx;

const request = (user: OwnerUser | null, extra: Partial<OwnerRequest> = {}): OwnerRequest => ({
  resource: 'customers',
  action: 'create',
  ownerId: user?.id ?? null,
  codes: { outsideScope: 'customer.owner_outside_scope' },
  ...extra,
});
const verdict = (scope: Scope, user: OwnerUser | null, extra: Partial<OwnerRequest> = {}) => {
  const result = ownerProblem(ctxWith(scope), user ?? undefined, request(user, extra));
  return result.problem ? `${result.problem.field}:${result.problem.code}` : 'ok';
};

describe('the owner rule', () => {
  it('bounds the owner by the data scope: own — oneself, team — one of one’s teams, org — anyone', () => {
    expect([me, teammate, outsider].map((u) => verdict('own', u))).toEqual([
      'ok',
      'ownerId:customer.owner_outside_scope',
      'ownerId:customer.owner_outside_scope',
    ]);
    expect([me, teammate, outsider].map((u) => verdict('team', u))).toEqual([
      'ok',
      'ok',
      'ownerId:customer.owner_outside_scope',
    ]);
    expect([me, teammate, outsider].map((u) => verdict('org', u))).toEqual(['ok', 'ok', 'ok']);
  });

  it('keeps a team-scoped record in one of the caller’s teams, whoever owns it', () => {
    expect(verdict('team', teammate, { teamId: west })).toBe('teamId:customer.owner_outside_scope');
    expect(verdict('team', outsider, { teamId: east })).toBe('ownerId:customer.owner_outside_scope');
    expect(verdict('team', teammate, { teamId: east })).toBe('ok');
    expect(verdict('team', null, { teamId: east })).toBe('ok');
    expect(verdict('team', null, { teamId: null })).toBe('teamId:customer.owner_outside_scope');
    expect(verdict('own', null, { teamId: east })).toBe('ownerId:customer.owner_outside_scope');
    expect(verdict('org', null)).toBe('ok');
  });

  it('refuses a disabled user as a new owner, with any scope, and lets the one who owns it keep it', () => {
    for (const scope of ['own', 'team', 'org'] as const) {
      expect(verdict(scope, leaver)).toBe('ownerId:reference.user_inactive');
    }
    expect(
      verdict('org', leaver, { codes: { outsideScope: 'pool.user_inactive', inactive: 'pool.user_inactive' } }),
    ).toBe('ownerId:pool.user_inactive');
    expect(verdict('team', leaver, { action: 'update', currentOwnerId: leaver.id, teamId: east })).toBe('ok');
    // A kept owner who moved to another team: the record may still be edited within the caller's teams.
    expect(verdict('team', outsider, { action: 'update', currentOwnerId: outsider.id, teamId: east })).toBe('ok');
    expect(verdict('team', outsider, { action: 'update', currentOwnerId: outsider.id, teamId: west })).toBe(
      'teamId:customer.owner_outside_scope',
    );
  });

  it('names a user of another organisation (not found) as an invalid reference, on the chosen field', () => {
    expect(verdict('org', null, { ownerId: 'ghost', field: 'owner' })).toBe('owner:reference.invalid');
  });
});
