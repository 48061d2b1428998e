import type { User } from '@berth/domain';
import type { users } from '../../db/schema';
import { iso } from '../../platform/versioned-write';

export function toUser(row: typeof users.$inferSelect): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roleId: row.roleId,
    teamId: row.teamId,
    locale: row.locale === 'en' ? 'en' : 'zh-CN',
    status: row.status === 'disabled' ? 'disabled' : 'active',
    lockedUntil: row.lockedUntil && row.lockedUntil > new Date() ? row.lockedUntil.toISOString() : null,
    lastLoginAt: iso(row.lastLoginAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}
