import type { Me } from '@berth/domain';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/database';
import { organizations, roles, users } from '../../db/schema';
import { AppError } from '../../platform/app-error';
import { orgSettings } from '../org-settings';

export async function getMe(db: Executor, orgId: string, userId: string, csrfToken: string): Promise<Me> {
  const [row] = await db
    .select({ user: users, role: roles, org: organizations })
    .from(users)
    .innerJoin(roles, and(eq(roles.orgId, users.orgId), eq(roles.id, users.roleId)))
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
  if (!row) throw new AppError('auth.unauthenticated', 401);
  const settings = await orgSettings({ db, orgId });
  return {
    user: {
      id: row.user.id,
      name: row.user.name,
      email: row.user.email,
      locale: row.user.locale === 'en' ? 'en' : 'zh-CN',
      timeZone: row.user.timeZone,
      teamId: row.user.teamId,
    },
    organization: {
      id: row.org.id,
      name: row.org.name,
      timeZone: settings.timeZone,
      reportingCurrency: settings.reportingCurrency,
    },
    role: { id: row.role.id, key: row.role.key, name: row.role.name, nameEn: row.role.nameEn },
    permissions: row.role.permissions as Me['permissions'],
    csrfToken,
  };
}
