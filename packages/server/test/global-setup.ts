import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase, snapshotDatabase } from '../src/db/database';
import { migrateDatabase } from '../src/db/migrate';
import { syncBuiltinRoles } from '../src/modules/roles/sync-builtin-roles';
import { adminQuery, waitUntilUnused } from './pg-admin';

/**
 * Migrates one database per test run, before any test file starts, and tells the workers where it is:
 * on PGlite a tarball of its data directory that each test app opens a copy of, on PostgreSQL a
 * template database each test app's database is created from. Running the migrations for every
 * test app cost seconds each, hundreds of times a run.
 */
export default async function setup(project: TestProject) {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    const database = await openDatabase({ dataDir: null });
    await migrateDatabase(database);
    await syncBuiltinRoles(database.db);
    const snapshot = await snapshotDatabase(database);
    await database.close();
    const file = path.join(os.tmpdir(), `berth-test-template-${randomUUID()}.tar`);
    fs.writeFileSync(file, Buffer.from(await snapshot.arrayBuffer()));
    project.provide('migratedTemplate', { pgliteSnapshot: file });
    return () => fs.rmSync(file, { force: true });
  }

  const name = `berth_template_${randomUUID().replaceAll('-', '')}`;
  await adminQuery(baseUrl, `create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  try {
    await migrateDatabase(database);
    await syncBuiltinRoles(database.db);
  } finally {
    await database.close();
  }
  // A template must have no open connections when a database is created from it, and the pool's
  // close resolves before its connections are gone.
  await waitUntilUnused(baseUrl, name, 100);
  project.provide('migratedTemplate', { postgresDatabase: name });
  return () => adminQuery(baseUrl, `drop database if exists ${name} with (force)`);
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated database test apps start from (see global-setup.ts). */
    migratedTemplate: { pgliteSnapshot?: string; postgresDatabase?: string };
  }
}
