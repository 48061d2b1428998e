import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error a plain Node script, without type declarations
import { buildConsole } from './build-console.mjs';

describe('building the console beside the one a running server serves', () => {
  let root: string;
  let builds: number;
  const source = () => path.join(root, 'src');
  const build = (options: { force?: boolean } = {}) =>
    buildConsole({
      root,
      inputs: [source()],
      env: {},
      ...options,
      runBuild: async (outDir: string) => {
        builds += 1;
        fs.mkdirSync(outDir, { recursive: true });
        fs.writeFileSync(path.join(outDir, 'index.html'), fs.readFileSync(path.join(source(), 'main.tsx')));
      },
    });
  const served = () => fs.readFileSync(path.join(root, 'dist', 'index.html'), 'utf8');

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'console-build-'));
    fs.mkdirSync(source());
    fs.writeFileSync(path.join(source(), 'main.tsx'), 'first');
    builds = 0;
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('builds once, and not again while the sources are unchanged', async () => {
    expect((await build()).built).toBe(true);
    expect((await build()).built).toBe(false);
    expect(builds).toBe(1);
    expect(served()).toBe('first');
    expect(fs.lstatSync(path.join(root, 'dist')).isSymbolicLink()).toBe(true);
  });

  it('a new build does not touch the directory a running server resolved at its start', async () => {
    await build();
    const running = fs.realpathSync(path.join(root, 'dist'));
    fs.writeFileSync(path.join(source(), 'main.tsx'), 'second');
    expect((await build()).built).toBe(true);
    expect(served()).toBe('second');
    expect(fs.readFileSync(path.join(running, 'index.html'), 'utf8')).toBe('first');
  });

  it('replaces a dist directory left by an older build, and keeps only the last three builds', async () => {
    fs.mkdirSync(path.join(root, 'dist'));
    fs.writeFileSync(path.join(root, 'dist', 'index.html'), 'old layout');
    for (const text of ['a', 'b', 'c', 'd']) {
      fs.writeFileSync(path.join(source(), 'main.tsx'), text);
      await build();
    }
    expect(served()).toBe('d');
    expect(fs.readdirSync(path.join(root, 'builds'))).toHaveLength(3);
  });

  it('builds again when forced or when the last build is incomplete', async () => {
    await build();
    expect((await build({ force: true })).built).toBe(true);
    fs.rmSync(path.join(fs.realpathSync(path.join(root, 'dist')), 'index.html'));
    expect((await build()).built).toBe(true);
    expect(builds).toBe(3);
  });
});
