import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** A new empty directory under `parent`. */
export function tempDataDir(parent: string = os.tmpdir()): string {
  return fs.mkdtempSync(path.join(parent, 'berth-e2e-'));
}

/**
 * A new data directory holding a copy of `template` (a migrated database whose server has stopped), beside it:
 * a run's copies go where its template is, and go with it.
 */
export function copyDataDir(template: string): string {
  const dir = tempDataDir(path.dirname(template));
  fs.cpSync(template, dir, { recursive: true });
  return dir;
}

/** The tests' databases are small: PGlite's own page cache (128 MB) starts a server about a second sooner than 512 MB. */
const smallDatabaseCache = { PGLITE_SHARED_BUFFERS: '128MB' };

/** Applies the migrations to the embedded database in `dataDir`, as `npm run migrate` does, and stops. */
export async function migrateDataDir(dataDir: string, env: Record<string, string> = {}): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/cli.ts', 'migrate'], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: dataDir, ...smallDatabaseCache, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`migrating ${dataDir} failed (${code}):\n${output}`);
}

/** What a test file needs of its server: where it listens, and whether other test files use it too. */
export interface E2eServer {
  readonly url: string;
  /** Shared servers are set up with `POST /api/test-organizations`, not the first-run setup. */
  readonly shared: boolean;
  stop(): Promise<number | null>;
}

/** The real server, started the way `npm start` starts it, as a child process. */
export class ServerProcess implements E2eServer {
  readonly shared: boolean = false;
  private child: ChildProcess | null = null;
  output = '';

  constructor(
    public port: number,
    readonly dataDir: string,
    private readonly env: Record<string, string> = {},
  ) {}

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  /**
   * Starts the server and waits until it answers `/readyz`, or exits: no budget of its own (starting took 3 s on an
   * idle machine and over 90 s with two test files and other runs on two cores), the caller's hook or test timeout
   * bounds it. A port another process took between `freePort()` and the server's listen (another process on the
   * machine may take it) is swapped for a new one.
   */
  async start(args: string[] = [], readyWithinMs = Number.POSITIVE_INFINITY): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.startOnce(args, readyWithinMs);
      } catch (error) {
        if (attempt >= 3 || !this.output.includes('EADDRINUSE')) throw error;
        this.port = await freePort();
      }
    }
  }

  private async startOnce(args: string[], readyWithinMs: number): Promise<void> {
    this.output = '';
    const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts', ...args], {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DATA_DIR: this.dataDir,
        LOG_LEVEL: 'warn',
        ...smallDatabaseCache,
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    // After the exit, once its last output has come through the pipes.
    const closed = new Promise((resolve) => child.once('close', resolve));
    child.stdout?.on('data', (chunk) => {
      this.output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      this.output += chunk;
    });
    const deadline = Date.now() + readyWithinMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        await closed;
        throw new Error(`server exited early:\n${this.output}`);
      }
      try {
        const response = await fetch(`${this.url}/readyz`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`server did not become ready:\n${this.output}`);
  }

  /** Sends a signal and waits for the exit code. */
  async stop(signal: NodeJS.Signals = 'SIGINT'): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill(signal);
    const code = await exited;
    this.child = null;
    return code;
  }

  /** Stops the server and deletes its data directory; answers the exit code. */
  async dispose(signal: NodeJS.Signals = 'SIGINT'): Promise<number | null> {
    const code = await this.stop(signal);
    fs.rmSync(this.dataDir, { recursive: true, force: true });
    return code;
  }
}
