import { scopeOf } from '@berth/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { roles, teams, users } from '../../db/schema';
import { type Ctx, can } from '../../platform/context';
import { type AuditNamer, type AuditRecordName, installedModules } from '../../platform/module';

/** A platform record (a user, team or role), named for readers who may list that kind. */
function platformNamer(
  entity: 'users' | 'teams' | 'roles',
  table: typeof users | typeof teams | typeof roles,
): AuditNamer {
  return {
    entity,
    resource: entity,
    names: async (ctx, ids) =>
      can(ctx, entity, 'read')
        ? ctx.db
            .select({ id: table.id, name: table.name })
            .from(table)
            .where(and(eq(table.orgId, ctx.orgId), inArray(table.id, ids)))
        : [],
  };
}

const platformNamers: AuditNamer[] = [
  platformNamer('users', users),
  platformNamer('teams', teams),
  platformNamer('roles', roles),
];

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AuditPageNames {
  /** The record's name, when the caller may read it. */
  nameOf(entity: string, entityId: string | null): AuditRecordName | undefined;
  /**
   * Whether the entry's changes may be shown: not when the record is of a named kind, the caller may not read it
   * and does not read that kind organisation-wide (then it is outside their scope, or gone).
   */
  mayShowChanges(entity: string, entityId: string | null): boolean;
}

/**
 * Names of the records a page of the audit log mentions: one query per audited table on the page, each
 * through the owning module's namer, which answers only what the caller may read.
 */
export async function auditRecordNames(
  ctx: Ctx,
  entries: readonly { entity: string; entityId: string | null }[],
): Promise<AuditPageNames> {
  const namers = new Map<string, AuditNamer>();
  for (const namer of [...platformNamers, ...installedModules().flatMap((m) => m.auditNames ?? [])]) {
    namers.set(namer.entity, namer);
  }
  const idsByEntity = new Map<string, Set<string>>();
  for (const entry of entries) {
    const namer = namers.get(entry.entity);
    // A reader without read on the kind learns no name of it (and the module's scope would refuse them).
    if (!entry.entityId || !uuid.test(entry.entityId) || !namer || !can(ctx, namer.resource, 'read')) continue;
    const ids = idsByEntity.get(entry.entity) ?? new Set<string>();
    ids.add(entry.entityId);
    idsByEntity.set(entry.entity, ids);
  }
  const names = new Map<string, AuditRecordName>();
  for (const [entity, ids] of idsByEntity) {
    const found = await (namers.get(entity) as AuditNamer).names(ctx, [...ids]);
    for (const record of found) names.set(`${entity}:${record.id}`, record);
  }
  const nameOf = (entity: string, entityId: string | null) => names.get(`${entity}:${entityId}`);
  return {
    nameOf,
    mayShowChanges: (entity, entityId) => {
      const namer = namers.get(entity);
      if (!namer || !entityId || nameOf(entity, entityId)) return true;
      return scopeOf(ctx.permissions, namer.resource, 'read') === 'org';
    },
  };
}
