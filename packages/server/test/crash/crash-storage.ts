import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Database, openDatabase } from '../../src/db/database';
import { adminQuery } from '../pg-admin';

/**
 * Where a crash test's server keeps its data: a temporary data directory (PGlite), or a fresh
 * database on the PostgreSQL server of DATABASE_URL. The test reads it directly while the server is down.
 */
export interface CrashStorage {
  engine: 'pglite' | 'postgres';
  /** The environment that points the server child at this storage. */
  env: Record<string, string>;
  /** Opens the stored data in this process; only while no server runs on it (PGlite is single-process). */
  open(): Promise<Database>;
  remove(): Promise<void>;
}

export async function createCrashStorage(): Promise<CrashStorage> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-crash-'));
  const removeDir = () => fs.promises.rm(dataDir, { recursive: true, force: true });
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    return {
      engine: 'pglite',
      env: { DATA_DIR: dataDir },
      open: () => openDatabase({ dataDir }),
      remove: removeDir,
    };
  }
  const name = `berth_crash_${randomUUID().replaceAll('-', '')}`;
  await adminQuery(baseUrl, `create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    engine: 'postgres',
    // Uploaded import files still live in the data directory.
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    open: () => openDatabase({ url: url.toString() }),
    remove: async () => {
      await adminQuery(baseUrl, `drop database if exists ${name} with (force)`);
      await removeDir();
    },
  };
}
