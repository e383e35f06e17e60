// Packs every package under packages/ with pnpm (which rewrites `workspace:*` to the real version)
// into one directory: `node scripts/pack-all.mjs [destination]`, default ./packages-dist. Prints one
// tarball path a line; `npm i ./packages-dist/authhooks-express-0.1.0.tgz …` installs them anywhere.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Every publishable package directory under packages/ (new packages are picked up automatically). */
export function packageDirs() {
  return readdirSync(join(root, 'packages'))
    .map((entry) => join(root, 'packages', entry))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .filter((dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).private !== true);
}

/** Packs each package into `destination`; returns `{ name, version, tarball }` per package. */
export function packAll(destination) {
  mkdirSync(destination, { recursive: true });
  const pnpm = join(root, 'node_modules', 'pnpm', 'bin', 'pnpm.cjs');
  return packageDirs().map((dir) => {
    const { name, version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const output = execFileSync(process.execPath, [pnpm, 'pack', '--pack-destination', destination], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const tarball = output
      .trim()
      .split('\n')
      .filter((line) => line.endsWith('.tgz'))
      .at(-1);
    if (tarball === undefined) throw new Error(`pnpm pack printed no tarball for ${name}:\n${output}`);
    return { name, version, dir, tarball: resolve(destination, tarball.trim()) };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const destination = resolve(process.argv[2] ?? join(root, 'packages-dist'));
  for (const { tarball } of packAll(destination)) console.log(tarball);
}
