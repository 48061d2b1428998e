// Builds the console so that a server already running from this checkout never sees a half-written build:
// each build goes into its own directory `builds/<hash>`, and `dist` is a symbolic link switched to it in one
// rename. A running server keeps the build it started with (it resolves the link once), and nothing is built
// when the sources have not changed since the build `dist` points at.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const hashFile = '.build-hash';
const keptBuilds = 3;

/** Every file under `dir` (recursively), sorted, skipping dependencies and build output. */
function filesUnder(dir) {
  if (!fs.existsSync(dir)) return [];
  if (fs.statSync(dir).isFile()) return [dir];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !['node_modules', 'dist', 'builds'].includes(entry.name))
    .flatMap((entry) => filesUnder(path.join(dir, entry.name)))
    .sort();
}

/** A hash of the build's inputs: the files (by path relative to `base` and content) and the VITE_ settings. */
export function inputsHash(inputs, base, env = process.env) {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap(filesUnder)) {
    hash.update(path.relative(base, file).split(path.sep).join('/'));
    hash.update('\0');
    hash.update(fs.readFileSync(file));
    hash.update('\0');
  }
  for (const key of Object.keys(env)
    .filter((name) => name.startsWith('VITE_'))
    .sort()) {
    hash.update(`${key}=${env[key]}\0`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** The hash of the build `dist` points at, or undefined when there is none (or it is incomplete). */
function currentHash(distLink) {
  try {
    if (!fs.existsSync(path.join(distLink, 'index.html'))) return undefined;
    return fs.readFileSync(path.join(distLink, hashFile), 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** Points `distLink` at `target` in one rename; a `dist` left as a plain directory by older builds is moved aside first. */
function switchLink(distLink, target, buildsDir) {
  const stat = fs.lstatSync(distLink, { throwIfNoEntry: false });
  if (stat && !stat.isSymbolicLink()) {
    fs.renameSync(distLink, path.join(buildsDir, `previous-${Date.now()}`));
  }
  const temporary = `${distLink}.${process.pid}.tmp`;
  fs.rmSync(temporary, { force: true });
  fs.symlinkSync(
    path.relative(path.dirname(distLink), target),
    temporary,
    process.platform === 'win32' ? 'junction' : 'dir',
  );
  fs.renameSync(temporary, distLink);
}

/** Removes all but the newest `keep` builds, never the one `dist` points at. */
function pruneBuilds(buildsDir, distLink, keep) {
  const current = fs.realpathSync(distLink);
  const builds = fs
    .readdirSync(buildsDir)
    .map((name) => path.join(buildsDir, name))
    .filter((dir) => fs.realpathSync(dir) !== current)
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  for (const old of builds.slice(keep - 1)) fs.rmSync(old, { recursive: true, force: true });
}

/**
 * Builds when the inputs changed and switches `dist` to the new build. `runBuild(outDir)` writes the build.
 * Answers `{ built, hash }`.
 */
export async function buildConsole({ root, inputs, runBuild, env = process.env, force = false }) {
  const distLink = path.join(root, 'dist');
  const buildsDir = path.join(root, 'builds');
  const hash = inputsHash(inputs, root, env);
  if (!force && currentHash(distLink) === hash) return { built: false, hash };

  fs.mkdirSync(buildsDir, { recursive: true });
  const outDir = path.join(buildsDir, `${hash}-${Date.now()}`);
  await runBuild(outDir);
  fs.writeFileSync(path.join(outDir, hashFile), `${hash}\n`);
  switchLink(distLink, outDir, buildsDir);
  pruneBuilds(buildsDir, distLink, keptBuilds);
  return { built: true, hash };
}

async function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const domain = path.resolve(root, '../domain');
  const { build } = await import('vite');
  const result = await buildConsole({
    root,
    inputs: [
      path.join(root, 'index.html'),
      path.join(root, 'vite.config.ts'),
      path.join(root, 'package.json'),
      path.join(root, 'tsconfig.json'),
      path.join(root, 'public'),
      path.join(root, 'src'),
      path.join(domain, 'package.json'),
      path.join(domain, 'src'),
      path.resolve(root, '../../package-lock.json'),
    ],
    force: process.argv.includes('--force'),
    runBuild: (outDir) => build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } }),
  });
  console.info(
    result.built
      ? `console built (${result.hash}) and switched into place`
      : `console is up to date (${result.hash}); nothing to build`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
