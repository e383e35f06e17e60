// Installs the workspace on a fresh clone so that `npm run demo` and `npm test` work with only Node and npm.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'node_modules', '.modules.yaml'))) {
  console.log('authhooks: installing the workspace once (npx pnpm@10 install --frozen-lockfile)…');
  execSync('npx -y pnpm@10 install --frozen-lockfile', { cwd: root, stdio: 'inherit' });
}
