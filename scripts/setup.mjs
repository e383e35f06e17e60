// Makes a fresh clone usable with only Node and npm: installs the workspace once, and with --build
// (re)builds the packages whose dist/ is missing or older than their sources, because part of the
// test suite runs against the built packages exactly as a user's app imports them.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isStale } from './stale.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (command) => execSync(command, { cwd: root, stdio: 'inherit' });

if (!existsSync(join(root, 'node_modules', '.modules.yaml'))) {
  console.log('authhooks: installing the workspace once (npx pnpm@10 install --frozen-lockfile)…');
  run('npx -y pnpm@10 install --frozen-lockfile');
}

if (process.argv.includes('--build')) {
  const stale = readdirSync(join(root, 'packages')).filter((name) => isStale(join(root, 'packages', name)));
  if (stale.length > 0) {
    console.log(`authhooks: building ${stale.join(', ')} (the dist test project runs against the builds)…`);
    const filters = stale.map((name) => `--filter ./packages/${name}`).join(' ');
    run(`node node_modules/pnpm/bin/pnpm.cjs ${filters} build`);
  }
}
