import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { migratedDataDir, tempDir } from './run-context';
import { freePort, ServerProcess } from './server-process';

describe('the server process', () => {
  let server: ServerProcess;
  let other: ServerProcess | null = null;
  afterAll(async () => {
    await other?.stop('SIGKILL');
    await server?.dispose('SIGKILL');
  });

  // Three server starts, each up to 90 s when two test files and other work share two cores.
  it('keeps data across a restart, exits cleanly on Ctrl-C, and refuses a second server on the same data', {
    timeout: 300_000,
  }, async () => {
    server = new ServerProcess(await freePort(), migratedDataDir());
    await server.start();
    const setup = await fetch(`${server.url}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        organization: { name: '持久货运' },
        admin: { name: 'Admin', email: 'admin@persist.example', password: 'Persist-pass-1' },
      }),
    });
    expect(setup.status).toBe(201);

    other = new ServerProcess(await freePort(), server.dataDir);
    await expect(other.start()).rejects.toThrow(/in use by another Berth process/);
    other = null;

    expect(await server.stop('SIGINT')).toBe(0);
    await server.start();
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@persist.example', password: 'Persist-pass-1' }),
    });
    expect(login.status).toBe(200);
    expect((await login.json()).organization.name).toBe('持久货运');
    // Raw UTF-8 in the request line cannot be parsed; the answer is still problem+json.
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(server.port, '127.0.0.1', () => {
        socket.write(Buffer.from('GET /api/customers?q=上海 HTTP/1.1\r\nHost: localhost\r\n\r\n', 'utf8'));
      });
      let answer = '';
      socket.on('data', (chunk) => {
        answer += chunk;
      });
      socket.on('end', () => resolve(answer));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400/);
    expect(raw).toContain('application/problem+json');
    expect(await server.stop('SIGTERM')).toBe(0);
  });

  it('stops with a clear message when the configuration is invalid', async () => {
    const bad = new ServerProcess(await freePort(), tempDir(), { PORT: 'not-a-port' });
    await expect(bad.start()).rejects.toThrow(/Invalid configuration:\s+PORT/);
  });
});
