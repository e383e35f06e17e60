import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { track } from '../support/processes.js';

const testPackage = fileURLToPath(new URL('../', import.meta.url));

// Jest loads the packages as a user's project does, from their builds: this runs with the dist project.
it.runIf(process.env.AUTHHOOKS_TEST_TARGET === 'dist')(
  'the README’s Jest example passes under Jest (ESM)',
  { timeout: 120_000 },
  async () => {
    const manifest = createRequire(`${testPackage}package.json`).resolve('jest/package.json');
    const bin = join(dirname(manifest), (JSON.parse(readFileSync(manifest, 'utf8')) as { bin: string }).bin);
    const child = track(
      spawn(
        process.execPath,
        ['--experimental-vm-modules', bin, '--ci', '--rootDir', 'readme-testing/jest'],
        {
          cwd: testPackage,
          env: { ...process.env, NODE_OPTIONS: '' },
        },
      ),
    );
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(output).toMatch(/Tests: +4 passed, 4 total/);
    expect(code, output).toBe(0);
  },
);
