import { and, eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/database';
import { roles, teams, users } from '../../db/schema';
import { hashPassword } from '../../platform/auth/secrets';
import { inTransaction, systemCtx } from '../../platform/context';
import type { DemoOrganization } from '../../platform/module';
import { createOrganization, isSetupRequired } from './create-organization';
import { demoLoadersInOrder } from './demo-order';

export const demoPassword = 'Berth-demo-2026';

const demoTeams = [
  { key: 'sales-east', name: '华东销售部' },
  { key: 'sales-south', name: '华南销售部' },
  { key: 'service', name: '客服部' },
  { key: 'ops', name: '操作部' },
  { key: 'finance', name: '财务部' },
  { key: 'marketing', name: '市场部' },
] as const;

const demoUsers = [
  { email: 'gm@demo.berth.local', name: '周总', role: 'management', team: null },
  { email: 'li.manager@demo.berth.local', name: '李经理', role: 'sales_manager', team: 'sales-east' },
  { email: 'wang.sales@demo.berth.local', name: '王芳', role: 'sales_rep', team: 'sales-east' },
  { email: 'zhao.sales@demo.berth.local', name: '赵磊', role: 'sales_rep', team: 'sales-south' },
  { email: 'chen.cs@demo.berth.local', name: '陈静', role: 'customer_service', team: 'service' },
  { email: 'liu.ops@demo.berth.local', name: '刘洋', role: 'operations', team: 'ops' },
  { email: 'sun.finance@demo.berth.local', name: '孙丽', role: 'finance', team: 'finance' },
  { email: 'he.marketing@demo.berth.local', name: '何敏', role: 'marketing', team: 'marketing' },
] as const;

/**
 * A demo forwarder for `npm start -- --demo` on an empty database: its teams, one user per
 * built-in role (all with the password above), then the modules' demo loaders — a few hundred
 * customers with contacts, a pipeline, activities, sales events and a public pool with its rule.
 * Does nothing once an organisation exists.
 */
export async function loadDemoData(
  db: Db,
  log: FastifyBaseLogger,
  options: {
    /** Modules whose demo part a test does not need (two years of shipments take a few seconds). */
    skip?: readonly string[];
  } = {},
): Promise<void> {
  if (!(await isSetupRequired(db))) {
    log.info('demo data skipped: the database already has an organisation');
    return;
  }
  const { orgId, adminId } = await createOrganization(
    db,
    {
      organization: { name: '海港国际货运代理有限公司' },
      admin: { name: '系统管理员', email: 'admin@demo.berth.local', password: demoPassword },
    },
    { onlyIfFirst: true },
  );
  const passwordHash = await hashPassword(demoPassword);
  const sales: { id: string; teamId: string | null }[] = [];
  await inTransaction(systemCtx(db, orgId), async (tx) => {
    const teamIds = new Map<string, string>();
    for (const team of demoTeams) {
      const [row] = await tx.db.insert(teams).values({ orgId, name: team.name }).returning({ id: teams.id });
      teamIds.set(team.key, (row as { id: string }).id);
    }
    const roleRows = await tx.db.select({ id: roles.id, key: roles.key }).from(roles).where(eq(roles.orgId, orgId));
    const roleIds = new Map(roleRows.map((r) => [r.key, r.id]));
    for (const user of demoUsers) {
      const [row] = await tx.db
        .insert(users)
        .values({
          orgId,
          email: user.email,
          name: user.name,
          passwordHash,
          roleId: roleIds.get(user.role) as string,
          teamId: user.team ? (teamIds.get(user.team) ?? null) : null,
        })
        .returning({ id: users.id });
      if (user.role === 'sales_manager' || user.role === 'sales_rep') {
        sales.push({ id: (row as { id: string }).id, teamId: user.team ? (teamIds.get(user.team) ?? null) : null });
      }
      if (user.role === 'sales_manager' && user.team) {
        await tx.db
          .update(teams)
          .set({ managerId: (row as { id: string }).id })
          .where(and(eq(teams.orgId, orgId), eq(teams.id, teamIds.get(user.team) as string)));
      }
    }
  });
  // Then each module adds its part (customers, pipeline, activities, events, pool…) in the order
  // their manifests declare.
  const demo: DemoOrganization = { db, orgId, adminId, sales, customers: [], now: new Date() };
  for (const loader of demoLoadersInOrder()) {
    if (!options.skip?.includes(loader.module)) await loader.load(demo);
  }
  log.info(`demo data loaded: sign in as admin@demo.berth.local with password ${demoPassword}`);
}
