import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  builtinRoles,
  fullPermissions,
  type Permissions,
  permissionsSchema,
  resourceActions,
  resources,
  scopeOf,
  scopes,
} from './permissions';

const scope = fc.constantFrom(...scopes);

/** Any valid permission set: some of the resources, some of their actions, each with a scope. */
const validPermissions = fc.record(
  Object.fromEntries(
    resources.map((resource) => [
      resource,
      fc.record(Object.fromEntries(resourceActions[resource].map((action) => [action, scope])), { requiredKeys: [] }),
    ]),
  ),
  { requiredKeys: [] },
) as fc.Arbitrary<Permissions>;

const allActions = new Set<string>(Object.values(resourceActions).flat());

describe('permissionsSchema', () => {
  it('accepts the permissions of every built-in role', () => {
    for (const role of builtinRoles) {
      const parsed = permissionsSchema.safeParse(role.permissions);
      expect(parsed.success, role.key).toBe(true);
      expect(parsed.data).toEqual(role.permissions);
    }
  });

  it('accepts any combination of known resources, their actions and scopes, unchanged', () => {
    fc.assert(
      fc.property(validPermissions, (permissions) => {
        const parsed = permissionsSchema.safeParse(permissions);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toEqual(permissions);
      }),
    );
  });

  it('rejects a resource it does not know', () => {
    fc.assert(
      fc.property(
        validPermissions,
        fc
          .oneof(fc.string({ minLength: 1, maxLength: 30 }), fc.constantFrom('constructor', 'toString', 'Users'))
          .filter((name) => name !== '__proto__' && !(resources as string[]).includes(name)),
        fc.constantFrom('read', 'create'),
        scope,
        (permissions, resource, action, s) => {
          const parsed = permissionsSchema.safeParse({ ...permissions, [resource]: { [action]: s } });
          expect(parsed.success).toBe(false);
          expect(parsed.error?.issues.some((i) => i.path[0] === resource)).toBe(true);
        },
      ),
    );
  });

  it('rejects names of built-in object properties as resources instead of failing', () => {
    for (const name of ['constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf']) {
      const parsed = permissionsSchema.safeParse(JSON.parse(`{"${name}": {"read": "org"}}`));
      expect(parsed.success, name).toBe(false);
      expect(parsed.error?.issues[0]?.path, name).toEqual([name]);
    }
  });

  it('drops a "__proto__" key rather than letting it through', () => {
    const parsed = permissionsSchema.safeParse(JSON.parse('{"__proto__": {"users": "org"}, "teams": {"read": "org"}}'));
    expect(parsed.data).toEqual({ teams: { read: 'org' } });
    expect(Object.getPrototypeOf(parsed.data)).toBe(Object.prototype);
    expect(scopeOf(parsed.data as Permissions, 'users', 'read')).toBeNull();
  });

  it('rejects an action the resource does not have', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...resources),
        fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.constantFrom(...allActions, 'constructor', 'length')),
        scope,
        (resource, action, s) => {
          fc.pre(action !== '__proto__' && !(resourceActions[resource] as readonly string[]).includes(action));
          const parsed = permissionsSchema.safeParse({ [resource]: { [action]: s } });
          expect(parsed.success).toBe(false);
          expect(parsed.error?.issues[0]?.path).toEqual([resource, action]);
        },
      ),
    );
  });

  it('rejects a scope other than own, team and org', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...resources),
        fc.oneof(
          fc.string().filter((s) => !(scopes as readonly string[]).includes(s)),
          fc.constantFrom('ORG', 'all', 'none', null, 1, true),
        ),
        (resource, bad) => {
          const action = resourceActions[resource][0];
          expect(permissionsSchema.safeParse({ [resource]: { [action]: bad } }).success).toBe(false);
        },
      ),
    );
  });

  it('rejects values that are not maps of maps', () => {
    for (const bad of [null, [], 'org', 1, { users: 'org' }, { users: ['read'] }]) {
      expect(permissionsSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('fullPermissions', () => {
  it('grants every action of every resource for the whole organisation, and nothing else', () => {
    const full = fullPermissions();
    for (const resource of resources) {
      for (const action of resourceActions[resource]) expect(scopeOf(full, resource, action)).toBe('org');
      expect(Object.keys(full[resource] ?? {}).sort()).toEqual([...resourceActions[resource]].sort());
    }
    expect(Object.keys(full).sort()).toEqual([...resources].sort());
  });

  it('is what the administrator role has', () => {
    expect(builtinRoles.find((r) => r.key === 'admin')?.permissions).toEqual(fullPermissions());
  });
});

describe('scopeOf', () => {
  it('answers the granted scope, or null when nothing is granted', () => {
    fc.assert(
      fc.property(validPermissions, fc.constantFrom(...resources), (permissions, resource) => {
        for (const action of resourceActions[resource]) {
          expect(scopeOf(permissions, resource, action)).toBe(permissions[resource]?.[action] ?? null);
        }
      }),
    );
  });
});
