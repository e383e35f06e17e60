// publint and @arethetypeswrong/cli on every built package (run after `pnpm build`).
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules', '.bin', name);
let failed = 0;
for (const name of readdirSync(join(root, 'packages'))) {
  const dir = join(root, 'packages', name);
  for (const [tool, args] of [
    ['publint', ['--strict', '--pack', 'npm']],
    ['attw', ['--pack', '.', '--profile', 'node16', '--format', 'table-flipped']],
  ]) {
    try {
      execFileSync(bin(tool), args, { cwd: dir, stdio: 'pipe' });
      console.log(`ok    ${tool} @authhooks/${name}`);
    } catch (error) {
      failed++;
      console.log(`FAIL  ${tool} @authhooks/${name}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    }
  }
}
process.exit(failed > 0 ? 1 : 0);
