import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startUntil } from './child.js';
import { cleanEnv } from './clean-env.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = join(root, 'node_modules', '.bin', 'tsx');

/** The example's environment: this process's, with no FUSIONAUTH_* variable unless given. */
function exampleEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = cleanEnv({ PORT: '0', ...extra });
  for (const name of Object.keys(env)) {
    if (name.startsWith('FUSIONAUTH_') && !(name in extra)) delete env[name];
  }
  return env;
}

/** Runs `src/server.ts` of an example (what its `start` script runs) to completion: exit code and output. */
export function runExampleServer(example: string, extra: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(tsx, ['src/server.ts'], {
      cwd: join(root, 'examples', example),
      env: exampleEnv(extra),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Starts `src/server.ts` of an example on a free port and waits for the URL it prints. */
export async function startExampleServer(example: string, extra: Record<string, string>) {
  const started = await startUntil(
    tsx,
    ['src/server.ts'],
    /(http:\/\/127\.0\.0\.1:\d+\/fusionauth-webhook)/,
    {
      cwd: join(root, 'examples', example),
      env: exampleEnv(extra),
    },
  );
  return { url: started.match[1] ?? '', output: started.output, stop: started.stop };
}
