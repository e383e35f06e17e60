// Whether a package's dist/ is missing or older than what it is built from. Shared by setup.mjs
// (`npm test`, `npm run demo`) and prepack.mjs (`pnpm pack`, `pnpm publish`).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function isStale(packageDir) {
  const built = join(packageDir, 'dist');
  if (!existsSync(built) || readdirSync(built).length === 0) return true;
  const builtAt = Math.min(...readdirSync(built).map((file) => statSync(join(built, file)).mtimeMs));
  return (
    newest([join(packageDir, 'src'), join(packageDir, 'package.json'), join(packageDir, 'tsup.config.ts')]) >
    builtAt
  );
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
