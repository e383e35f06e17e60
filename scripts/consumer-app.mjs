// The consumer app (test/consumer/app): a new user's app outside the repository, installed with npm
// from the packed tarballs. Its third-party dependencies come from its committed package-lock.json, so
// a registry release cannot change what CI tests; our own packages come from fresh tarballs each time.
//
//   node scripts/consumer-app.mjs --lock     rewrite the app's package.json and package-lock.json after a
//                                            package or a workspace range changed (keeps existing pins)
//   node scripts/consumer-app.mjs --lock --fresh   the same from no lockfile: moves every pin to the newest
//   node scripts/consumer-app.mjs --latest   install the newest versions in range instead of the lockfile,
//                                            say which packages moved, and type-check the app with them
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packAll } from './pack-all.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const template = join(root, 'test/consumer/app');

/** Third-party packages the app imports, at the ranges the workspace is tested with. */
const thirdPartyNames = [
  'express',
  '@types/express',
  'hono',
  '@hono/node-server',
  'pino',
  'fastify',
  'ioredis',
  // ioredis 6.1's .d.ts imports the untyped redis-errors: an app with skipLibCheck false needs these (README).
  '@types/redis-errors',
  'redis',
  'pg',
  '@types/pg',
  'postgres',
  'drizzle-orm',
  'typescript',
  '@types/node',
];

/** Ranges for the packages the workspace has no direct dependency on. */
const extraRanges = { pino: '^10.4.0', '@types/redis-errors': '^1.2.3' };

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const writeJson = (path, value) => writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);

function workspaceRange(name) {
  const manifests = ['test/package.json', 'packages/queue/package.json', 'package.json'].map((file) =>
    readJson(join(root, file)),
  );
  for (const manifest of manifests) {
    const range = manifest.dependencies?.[name] ?? manifest.devDependencies?.[name];
    if (range !== undefined) return range;
  }
  const range = extraRanges[name];
  if (range === undefined)
    throw new Error(`consumer app: no range for ${name} in the workspace or extraRanges`);
  return range;
}

/** The dependencies the app's package.json must have: our tarballs by file name, third-party by range. */
export function expectedDependencies(packed) {
  const dependencies = {};
  for (const { name, tarball } of packed) dependencies[name] = `file:../tarballs/${basename(tarball)}`;
  for (const name of thirdPartyNames) dependencies[name] = workspaceRange(name);
  return Object.fromEntries(Object.entries(dependencies).sort(([a], [b]) => a.localeCompare(b)));
}

/** What each packed package declares, compared with what the lockfile recorded for it. */
function lockDrift(packed, lock) {
  const drift = [];
  for (const { name, dir } of packed) {
    const manifest = readJson(join(dir, 'package.json'));
    const locked = lock.packages?.[`node_modules/${name}`] ?? {};
    for (const field of ['dependencies', 'peerDependencies']) {
      const declared = Object.keys(manifest[field] ?? {}).sort();
      const recorded = Object.keys(locked[field] ?? {}).sort();
      if (declared.join() !== recorded.join()) {
        drift.push(`${name} ${field}: package.json has [${declared}], the lockfile [${recorded}]`);
      }
    }
  }
  return drift;
}

const stale = (what) =>
  new Error(
    `consumer app: ${what}.\nRun \`node scripts/consumer-app.mjs --lock\` and commit test/consumer/app.`,
  );

/** This process's environment less the `npm_*` variables of an outer `npm test`, which a child npm would obey. */
function npmEnv() {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  return { ...env, npm_config_update_notifier: 'false' };
}

const npm = (args, cwd) =>
  execFileSync('npm', [...args, '--loglevel=error', '--no-audit', '--no-fund'], {
    cwd,
    encoding: 'utf8',
    env: npmEnv(),
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });

/**
 * Packs every package into `<work>/tarballs`, copies the app to `<work>/app` and installs it with
 * `npm ci` (or, with `latest`, with `npm install` at the newest versions in range). Fails, saying what
 * to run, when the committed app no longer matches the packages or the workspace's ranges.
 */
export function installConsumerApp(work, { latest = false } = {}) {
  const packed = packAll(join(work, 'tarballs'));
  const app = join(work, 'app');
  cpSync(template, app, { recursive: true });
  writeFileSync(join(app, '.npmrc'), 'audit=false\nfund=false\nupdate-notifier=false\n');
  const manifest = readJson(join(app, 'package.json'));
  const expected = expectedDependencies(packed);
  if (JSON.stringify(manifest.dependencies) !== JSON.stringify(expected)) {
    throw stale('test/consumer/app/package.json does not list the packed packages and the workspace ranges');
  }
  const lock = readJson(join(app, 'package-lock.json'));
  const drift = lockDrift(packed, lock);
  if (drift.length > 0) throw stale(`the lockfile is older than the packages:\n  ${drift.join('\n  ')}`);
  if (latest) {
    rmSync(join(app, 'package-lock.json'));
    npm(['install'], app);
  } else {
    npm(['ci'], app);
  }
  return { app, packed };
}

/**
 * The lockfile records an integrity hash for each tarball; ours change with every build, and npm would
 * install the cached old contents under a recorded hash, so file: entries keep only their path.
 */
function withoutTarballIntegrity(lock) {
  for (const entry of Object.values(lock.packages ?? {})) {
    if (typeof entry.resolved === 'string' && entry.resolved.startsWith('file:')) delete entry.integrity;
  }
  return lock;
}

/**
 * npm keeps a locked entry's metadata while its spec is unchanged, and our tarballs' names never change:
 * their entries are dropped so that npm reads each package's dependencies again from the new tarball.
 */
function forgetOurPackages(path) {
  const lock = readJson(path);
  for (const [key, entry] of Object.entries(lock.packages ?? {})) {
    if (typeof entry.resolved === 'string' && entry.resolved.startsWith('file:')) delete lock.packages[key];
  }
  writeJson(path, lock);
}

function writeLock({ fresh }) {
  const work = mkdtempSync(join(tmpdir(), 'authhooks-consumer-lock-'));
  try {
    const packed = packAll(join(work, 'tarballs'));
    const app = join(work, 'app');
    cpSync(template, app, { recursive: true });
    if (fresh) rmSync(join(app, 'package-lock.json'), { force: true });
    else forgetOurPackages(join(app, 'package-lock.json'));
    const manifest = readJson(join(app, 'package.json'));
    manifest.dependencies = expectedDependencies(packed);
    writeJson(join(app, 'package.json'), manifest);
    npm(['install', '--package-lock-only'], app);
    writeJson(join(template, 'package.json'), manifest);
    writeJson(
      join(template, 'package-lock.json'),
      withoutTarballIntegrity(readJson(join(app, 'package-lock.json'))),
    );
    console.log('consumer app: wrote test/consumer/app/package.json and package-lock.json');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** `name@version` of every installed package, from an npm v3 lockfile (nested copies included). */
function versions(lock) {
  const found = new Map();
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (path === '' || entry.resolved?.startsWith('file:')) continue;
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const list = found.get(name) ?? new Set();
    list.add(entry.version);
    found.set(name, list);
  }
  return found;
}

function checkLatest() {
  const work = mkdtempSync(join(tmpdir(), 'authhooks-consumer-latest-'));
  try {
    const committed = versions(readJson(join(template, 'package-lock.json')));
    const { app } = installConsumerApp(work, { latest: true });
    const newest = versions(readJson(join(app, 'package-lock.json')));
    const direct = new Set(thirdPartyNames);
    const moved = [];
    for (const [name, now] of newest) {
      const before = committed.get(name);
      const a = [...(before ?? [])].sort().join(', ') || 'absent';
      const b = [...now].sort().join(', ');
      if (a !== b) moved.push({ name, text: `${name}: ${a} → ${b}`, direct: direct.has(name) });
    }
    for (const [name, before] of committed) {
      if (!newest.has(name))
        moved.push({ name, text: `${name}: ${[...before].join(', ')} → gone`, direct: false });
    }
    moved.sort((x, y) => Number(y.direct) - Number(x.direct) || x.name.localeCompare(y.name));
    console.log(
      moved.length === 0
        ? 'consumer app: the newest versions in range are the locked ones.'
        : `consumer app: ${moved.length} package(s) moved since the lockfile (direct dependencies first):\n${moved
            .map((m) => `  ${m.direct ? '*' : ' '} ${m.text}`)
            .join('\n')}`,
    );
    let failed = false;
    for (const mode of ['nodenext', 'bundler', 'node-only']) {
      try {
        execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', `tsconfig.${mode}.json`], {
          cwd: app,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        console.log(`type-check tsconfig.${mode}.json: ok`);
      } catch (error) {
        failed = true;
        console.log(`type-check tsconfig.${mode}.json: FAILED\n${error.stdout}${error.stderr}`);
      }
    }
    if (failed) {
      console.log(
        'With the newest versions the app does not type-check; the packages marked * above are the first suspects.',
      );
      process.exitCode = 1;
    } else if (moved.length > 0) {
      console.log(
        'The app type-checks with them: `node scripts/consumer-app.mjs --lock --fresh` moves CI to them.',
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--lock')) writeLock({ fresh: process.argv.includes('--fresh') });
  else if (process.argv.includes('--latest')) checkLatest();
  else {
    console.error('usage: node scripts/consumer-app.mjs --lock [--fresh] | --latest');
    process.exitCode = 2;
  }
}
