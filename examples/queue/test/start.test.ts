import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createConnection, createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { fusionAuthBody, fusionAuthSample } from '@authhooks/testing';
import { afterAll, expect, it } from 'vitest';
import { stopProcess, track } from '../../../test/support/processes.js';
import { describeWithRedis } from '../../../test/support/redis-server.js';

const exampleDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const authorization = 'example-queue-key';

// `npm start` as a user runs it, with no Redis running: it starts one, the receiver and the worker; a
// FusionAuth delivery is answered 202 at once and handled by the worker after the delay; Ctrl-C (here
// SIGTERM) stops all three.
describeWithRedis('the queue example (npm start)', () => {
  let start: ChildProcess | undefined;
  // SIGTERM: start.ts stops the receiver, the worker and Redis it started (SIGKILL would orphan them).
  afterAll(() => (start === undefined ? undefined : stopProcess(start)));

  it(
    'receives, queues, handles in the worker after the delay, and stops cleanly',
    { timeout: 60_000 },
    async () => {
      const redisPort = await freePort();
      start = track(
        spawn(process.execPath, ['--import', 'tsx', 'src/start.ts'], {
          cwd: exampleDir,
          env: {
            ...process.env,
            FUSIONAUTH_WEBHOOK_AUTHORIZATION: authorization,
            PORT: '0',
            REDIS_URL: `redis://127.0.0.1:${redisPort}`,
            QUEUE_NAME: `example-${randomUUID()}`,
            DELAY_MS: '1500',
            // The dist project runs the example on the built packages, as a user's app does (no tsconfig paths).
            ...(process.env.AUTHHOOKS_TEST_TARGET === 'dist' && {
              TSX_TSCONFIG_PATH: `${repoRoot}tsconfig.build.json`,
            }),
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        }),
      );
      const lines = collectLines(start);
      const url = (await lines.next(/^\[receiver\] listening on (\S+)/))[1] as string;
      await lines.next(/^\[worker\] worker ready/);
      expect(lines.all().some((line) => line.startsWith('[start] nothing answers at'))).toBe(true);

      const registration = fusionAuthSample('user.registration.create.complete');
      const userId = registration.user.id;
      const todos = async () => {
        const response = await fetch(new URL(`/users/${userId}/todos`, url));
        return ((await response.json()) as { todos: string[] }).todos;
      };
      expect(await deliver(url, registration)).toBe(202);
      expect(await todos()).toEqual([]); // held back by the delay
      await expect
        .poll(todos, { timeout: 15_000, interval: 100 })
        .toEqual(['Read the getting-started guide']);
      await lines.next(/^\[worker\] .*added the welcome todo of a new user/);

      expect(await deliver(url, fusionAuthSample('user.delete.complete', { user: { id: userId } }))).toBe(
        202,
      );
      await expect.poll(todos, { timeout: 15_000, interval: 100 }).toEqual([]);

      const exited = new Promise<number | null>((resolve) => start?.once('exit', (code) => resolve(code)));
      start.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(await answers(redisPort)).toBe(false); // the Redis it started is gone too
    },
  );
});

async function deliver(url: string, event: object): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: fusionAuthBody(event as Record<string, unknown>),
  });
  return response.status;
}

function collectLines(child: ChildProcess) {
  const seen: string[] = [];
  const waiters = new Set<() => void>();
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream as NodeJS.ReadableStream }).on('line', (line) => {
      seen.push(line);
      for (const wake of waiters) wake();
    });
  }
  return {
    all: () => seen,
    next(pattern: RegExp, timeoutMs = 30_000): Promise<RegExpExecArray> {
      return new Promise((resolve, reject) => {
        const check = () => {
          for (const line of seen) {
            const match = pattern.exec(line);
            if (match) {
              clearTimeout(timer);
              waiters.delete(check);
              resolve(match);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms:\n${seen.join('\n')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
