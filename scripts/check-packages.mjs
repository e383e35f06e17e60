// What a user installs, checked on the tarballs themselves (packed with pnpm, as they are published):
// publint, @arethetypeswrong/cli, and what those two do not catch — a `workspace:` range left in the
// manifest, a missing dist/ file, sources or tests shipped, no LICENSE/README/CHANGELOG, no prepack
// build, no public provenance publishConfig. Every package under packages/ is checked, new ones too.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packAll } from './pack-all.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const rootLicense = readFileSync(join(root, 'LICENSE'), 'utf8');
const allowedTopLevel = new Set(['package.json', 'LICENSE', 'README.md', 'CHANGELOG.md', 'dist']);

const destination = mkdtempSync(join(tmpdir(), 'authhooks-check-'));
let failed = 0;
const report = (ok, what, detail = '') => {
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'}  ${what}${ok || !detail ? '' : `\n${detail}`}`);
};

try {
  for (const { name, dir, tarball } of packAll(destination)) {
    for (const [tool, args] of [
      ['publint', ['run', tarball, '--strict']],
      ['attw', [tarball, '--profile', 'node16', '--format', 'table-flipped']],
    ]) {
      try {
        execFileSync(bin(tool), args, { cwd: dir, stdio: 'pipe' });
        report(true, `${tool} ${name}`);
      } catch (error) {
        report(false, `${tool} ${name}`, `${error.stdout ?? ''}${error.stderr ?? ''}`);
      }
    }
    const problems = tarballProblems(tarball, readFileSync(join(dir, 'package.json'), 'utf8'));
    report(problems.length === 0, `contents ${name}`, problems.map((p) => `      - ${p}`).join('\n'));
  }
} finally {
  rmSync(destination, { recursive: true, force: true });
}
process.exit(failed > 0 ? 1 : 0);

function tarballProblems(tarball, sourceManifest) {
  const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((path) => path.replace(/^package\//, ''));
  const read = (path) => execFileSync('tar', ['-xzOf', tarball, `package/${path}`], { encoding: 'utf8' });
  const manifest = JSON.parse(read('package.json'));
  const source = JSON.parse(sourceManifest);
  const problems = [];

  const text = JSON.stringify(manifest);
  if (text.includes('workspace:'))
    problems.push('package.json still has a workspace: range (pack with pnpm)');
  for (const file of files) {
    const top = file.split('/')[0];
    if (!allowedTopLevel.has(top))
      problems.push(`ships ${file} (only dist/, LICENSE, README.md, CHANGELOG.md)`);
  }
  for (const needed of ['LICENSE', 'README.md', 'CHANGELOG.md']) {
    if (!files.includes(needed)) problems.push(`no ${needed}`);
  }
  if (files.includes('LICENSE') && read('LICENSE') !== rootLicense)
    problems.push('LICENSE differs from the root LICENSE');
  for (const target of exportTargets(manifest.exports)) {
    if (!files.includes(target.replace(/^\.\//, '')))
      problems.push(`exports ${target}, which is not in the tarball`);
  }
  if (manifest.license !== 'MIT') problems.push(`license is ${manifest.license}, not MIT`);
  if (manifest.publishConfig?.access !== 'public' || manifest.publishConfig?.provenance !== true) {
    problems.push('publishConfig must be { "access": "public", "provenance": true }');
  }
  if (!manifest.repository?.url) problems.push('no repository.url (npm provenance needs it)');
  if (source.scripts?.prepack !== 'node ../../scripts/prepack.mjs') {
    problems.push(
      'scripts.prepack must be "node ../../scripts/prepack.mjs" (builds dist/, refuses npm pack)',
    );
  }
  if (!(source.files ?? []).includes('LICENSE')) problems.push('files must list LICENSE');
  return problems;
}

/** Every file path an `exports` map points to (conditions nested to any depth). */
function exportTargets(exports) {
  if (typeof exports === 'string') return exports.includes('*') ? [] : [exports];
  if (exports === null || typeof exports !== 'object') return [];
  return Object.values(exports).flatMap(exportTargets);
}
