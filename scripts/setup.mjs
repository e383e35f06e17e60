// Makes a fresh clone usable with only Node and npm: installs the workspace once, and with --build
// (re)builds the packages whose dist/ is missing or older than their sources, because part of the
// test suite runs against the built packages exactly as a user's app imports them.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

function isStale(dir) {
  const built = join(dir, 'dist');
  if (!existsSync(built)) return true;
  const builtAt = Math.min(...readdirSync(built).map((file) => statSync(join(built, file)).mtimeMs));
  return newest([join(dir, 'src'), join(dir, 'package.json'), join(dir, 'tsup.config.ts')]) > builtAt;
}

function newest(paths) {
  let latest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      latest = Math.max(latest, newest(readdirSync(path).map((name) => join(path, name))));
    } else {
      latest = Math.max(latest, stat.mtimeMs);
    }
  }
  return latest;
}
