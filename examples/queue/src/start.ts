// `npm start`: the receiver and the worker in two processes that share one Redis. If nothing answers at
// REDIS_URL (default redis://127.0.0.1:6379) and it is on this machine, a redis-server is started there
// for as long as they run. Ctrl-C stops everything (the worker finishes its running job first).
import { type ChildProcess, spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { redisUrl } from './settings.js';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const apps: ChildProcess[] = [];
let redisServer: ChildProcess | undefined;
let stopping = false;

const redis = new URL(redisUrl);
const host = redis.hostname || '127.0.0.1';
const port = Number(redis.port || 6379);
if (!(await answersPing(host, port))) {
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) {
    fail(`nothing answers at ${redisUrl}: start that Redis, or unset REDIS_URL to use a local one`);
  }
  await startRedisServer(port);
}

apps.push(run('receiver', process.execPath, ['--import', 'tsx', here('./receiver.ts')]));
apps.push(run('worker', process.execPath, ['--import', 'tsx', here('./worker.ts')]));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => stop());
}
process.on('exit', () => {
  for (const child of [...apps, redisServer]) {
    if (child !== undefined && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});

/**
 * Runs a child process whose output lines are printed with its name in front. In a process group of
 * its own: Ctrl-C reaches this script alone, which stops the receiver and the worker (each once, so the
 * worker finishes its running job) before Redis, which they need until then.
 */
function run(name: string, command: string, args: string[]): ChildProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env, detached: true });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream as NodeJS.ReadableStream }).on('line', (line) => {
      console.log(`[${name}] ${line}`);
    });
  }
  child.once('exit', (code, signal) => {
    if (!stopping) {
      console.log(`[${name}] exited (${signal ?? `code ${code}`}); stopping the others`);
      stop(1);
    }
  });
  return child;
}

async function startRedisServer(redisPort: number) {
  const binary = process.env.REDIS_SERVER_BIN ?? 'redis-server';
  console.log(
    `[start] nothing answers at ${redisUrl}: starting ${binary} on port ${redisPort} (data kept in memory only)`,
  );
  redisServer = run('redis', binary, [
    '--port',
    String(redisPort),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
  ]);
  redisServer.once('error', () =>
    fail(
      `cannot run ${binary}: install Redis (apt-get install redis-server, brew install redis) or set REDIS_URL`,
    ),
  );
  for (let waited = 0; !(await answersPing('127.0.0.1', redisPort)); waited += 100) {
    if (waited > 10_000) fail(`${binary} did not answer on port ${redisPort} within 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Stops the receiver and the worker first, then Redis, and exits once all have. */
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  const exited = (child: ChildProcess) =>
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (const child of apps) child.kill('SIGTERM');
  await Promise.all(apps.map(exited));
  if (redisServer !== undefined) {
    redisServer.kill('SIGTERM');
    await exited(redisServer);
  }
  process.exit(code);
}

function answersPing(pingHost: string, pingPort: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: pingHost, port: pingPort });
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG') || reply.startsWith('-NOAUTH'));
    });
  });
}

function fail(message: string): never {
  console.error(`[start] ${message}`);
  for (const child of [...apps, redisServer]) child?.kill('SIGTERM');
  process.exit(1);
}
