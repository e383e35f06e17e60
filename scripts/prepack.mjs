// Every package's `prepack`: runs before `pnpm pack` and `pnpm publish`, in the package's directory.
// 1. Refuses npm: `npm pack`/`npm publish` would ship `"@authhooks/core": "workspace:*"`, which no
//    user can install (EUNSUPPORTEDPROTOCOL). pnpm rewrites it to the real version; use pnpm.
// 2. Builds the package (and the workspace packages it depends on) when its dist/ is missing or
//    older than its sources, so a tarball never ships without, or with a stale, dist/.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isStale } from './stale.mjs';

let byName; // name → directory of every package under packages/, read once
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packageDir = process.cwd();
const manifest = readJson(join(packageDir, 'package.json'));

const workspaceDeps = Object.entries({ ...manifest.dependencies, ...manifest.peerDependencies })
  .filter(([, spec]) => String(spec).startsWith('workspace:'))
  .map(([name]) => name);
const agent = process.env.npm_config_user_agent ?? '';
if (agent.startsWith('npm/') && workspaceDeps.length > 0) {
  console.error(
    `\n${manifest.name}: npm cannot pack or publish this package: its dependencies ${workspaceDeps.join(', ')} ` +
      'use the workspace protocol, which npm leaves in the tarball and no one can install.\n' +
      'Use pnpm, which rewrites them to the real versions:\n' +
      '  npm run pack:all                 (from the repository root: every package into ./packages-dist/)\n' +
      `  npx -y pnpm@10 pack              (in ${packageDir})\n` +
      '  npm run release                  (maintainers: publishes with Changesets and pnpm)\n',
  );
  process.exit(1);
}

const stale = withWorkspaceDeps(manifest.name).filter((dir) => isStale(dir));
if (stale.length > 0) {
  const pnpm = join(root, 'node_modules', 'pnpm', 'bin', 'pnpm.cjs');
  const command = existsSync(pnpm) ? [process.execPath, [pnpm]] : ['npx', ['-y', 'pnpm@10']];
  console.error(
    `${manifest.name}: building before packing (${stale.map((dir) => dir.slice(root.length + 1)).join(', ')})`,
  );
  const filters = stale.flatMap((dir) => ['--filter', `./${dir.slice(root.length + 1)}`]);
  execFileSync(command[0], [...command[1], ...filters, 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
}

/** The directories of a workspace package and of every workspace package it depends on. */
function withWorkspaceDeps(name, seen = new Set()) {
  const dir = workspacePackages().get(name);
  if (dir === undefined || seen.has(dir)) return [...seen];
  seen.add(dir);
  const { dependencies = {} } = readJson(join(dir, 'package.json'));
  for (const [dep, spec] of Object.entries(dependencies)) {
    if (String(spec).startsWith('workspace:')) withWorkspaceDeps(dep, seen);
  }
  return [...seen];
}

/** Every package under packages/, by name. */
function workspacePackages() {
  byName ??= new Map(
    readdirSync(join(root, 'packages'))
      .map((entry) => join(root, 'packages', entry))
      .filter((dir) => existsSync(join(dir, 'package.json')))
      .map((dir) => [readJson(join(dir, 'package.json')).name, dir]),
  );
  return byName;
}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}
