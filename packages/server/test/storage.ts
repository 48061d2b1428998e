import { randomUUID } from 'node:crypto';
import type { Clock } from '@berth/domain';
import { and, eq, type SQL } from 'drizzle-orm';
import { customerShipmentRollups, customers } from '../src/modules/customers/tables';
import { notifications } from '../src/modules/notifications/tables';
import { opportunities } from '../src/modules/opportunities/tables';
import { ownershipChanges } from '../src/modules/pool/tables';
import { demoPassword, loadDemoData } from '../src/modules/setup/demo-data';
import { calendarFeeds, tasks } from '../src/modules/tasks/tables';
import { serverModules } from '../src/server-modules';
import type { TestApp } from './harness';

/**
 * What a test reads or sets beneath the API of a module that is not its own: a notification's
 * stored parameters, rows moved back in time or written in bulk, a job run at a chosen instant, the
 * demo organisation. A test beside a module imports only its own module, the platform, `db/`, this
 * harness and other modules' `public.ts` (`.dependency-cruiser.cjs`, rule `module-test-boundary`),
 * so what the tests depend on of another module's storage is listed here, in one place.
 */
export const storage = {
  customers,
  customerShipmentRollups,
  notifications,
  opportunities,
  ownershipChanges,
  tasks,
  calendarFeeds,
} as const;

/** The notifications stored for a user (or a whole organisation) of one kind, oldest first. */
export function notificationsOf(
  t: TestApp,
  of: { kind: string; userId?: string; orgId?: string; subjectId?: string },
): Promise<(typeof notifications.$inferSelect)[]> {
  const where: SQL[] = [eq(notifications.kind, of.kind)];
  if (of.userId) where.push(eq(notifications.userId, of.userId));
  if (of.orgId) where.push(eq(notifications.orgId, of.orgId));
  if (of.subjectId) where.push(eq(notifications.subjectId, of.subjectId));
  return t.db
    .select()
    .from(notifications)
    .where(and(...where))
    .orderBy(notifications.id);
}

/**
 * Runs one job of a module's manifest (by its name, e.g. `pool.sweep`) once, now, with `clock` as
 * the time of the run, and answers what the job answered. `t.server.deps.jobs.runDue(asOf)` runs
 * every job that is due instead.
 */
export function runJob(t: TestApp, name: string, clock: Clock): Promise<unknown> {
  const job = serverModules.flatMap((m) => m.jobs ?? []).find((j) => j.name === name);
  if (!job) throw new Error(`no module has a job named ${name}`);
  return job.run(
    { id: randomUUID(), orgId: null, name, payload: {}, attempts: 0, maxAttempts: 1, clock },
    t.db,
    t.server.deps,
  );
}

/**
 * The time a hook that loads the demo organisation has. It took 178 s when the cores were shared by several test
 * runs (load average 16–22), 106 s of it the customers one by one, against the 180 s every hook has; written as a
 * batch, the customers take a quarter of their time before and the load 20–30 s at load 9–14
 * (docs/decisions/0010-test-run-time.md). The budget stays for machines busier than that.
 */
export const demoLoadTimeout = 600_000;

/** The demo organisation (docs/operations.md), loaded into an empty test app; its users' password. */
export async function loadDemo(t: TestApp, options: { skip?: readonly string[] } = {}): Promise<{ password: string }> {
  await loadDemoData(t.db, t.app.log, options);
  return { password: demoPassword };
}
