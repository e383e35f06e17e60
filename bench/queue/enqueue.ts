// The enqueue path next to inline handling, over HTTP on 127.0.0.1: the same Express app, the same
// FusionAuth event (a new event id per request, as distinct deliveries have), answered by
//   1. an inline handler that does nothing (the floor: verification, parsing, validation, routing);
//   2. an inline handler that awaits 20 ms, as one database or API call does;
//   3. `.enqueue(...)` into a BullMQ queue: 202 once Redis has the job (no worker drains it here).
// Prints requests per second and latency percentiles per variant, measured with autocannon. autocannon,
// the server and Redis share the machine (and autocannon this process): compare the rows with each
// other, not with numbers from another machine.
//
//   tsx bench/queue/enqueue.ts            REDIS_URL=redis://… to use a running Redis; otherwise a
//   BENCH_SECONDS=10 BENCH_CONNECTIONS=32 redis-server is started on a free port (in memory only).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { type AddressInfo, createServer } from 'node:net';
import os from 'node:os';
import { silentLogger } from '@authhooks/core';
import { fusionWebhook } from '@authhooks/express';
import { webhookQueue } from '@authhooks/queue';
import express from 'express';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const authorization = 'bench-authorization-value-0123456789';
const template = JSON.parse(
  readFileSync(new URL('../../packages/fusionauth/fixtures/user.delete.json', import.meta.url), 'utf8'),
) as { event: Record<string, unknown> };
template.event.type = 'user.delete.complete'; // not transactional: it may be enqueued
const prefix = `${JSON.stringify({ event: { ...template.event, id: '@@ID@@' } })}`.split('@@ID@@');

const autocannon = await loadAutocannon();
const { url: redisUrl, stop: stopRedis } = await redis();
const queue = webhookQueue({ connection: redisUrl, name: `bench-${randomUUID()}`, logger: silentLogger });
let handled = 0;

const variants: { name: string; app: express.Express }[] = [
  {
    name: 'inline, handler does nothing',
    app: appWith((hook) =>
      hook.on('user.delete.complete', (event) => {
        handled += event.user.id.length;
      }),
    ),
  },
  {
    name: 'inline, handler awaits 20 ms',
    app: appWith((hook) =>
      hook.on('user.delete.complete', () => new Promise((resolve) => setTimeout(resolve, 20))),
    ),
  },
  {
    name: 'enqueue (BullMQ, 202 once in Redis)',
    app: appWith((hook) => hook.enqueue('user.delete.complete', queue)),
  },
];

try {
  const rows: string[][] = [['variant', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'non-2xx']];
  for (const variant of variants) {
    const server = await listen(variant.app);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    await run(url, 1); // warm-up: JIT, connection pools, BullMQ's scripts loaded
    const result = await run(url, seconds);
    server.close();
    rows.push([
      variant.name,
      result.requests.average.toFixed(0),
      String(result.latency.p50),
      String(result.latency.p90),
      String(result.latency.p99),
      String(result.latency.max),
      String(result.non2xx),
    ]);
  }
  console.log(
    `\nnode ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}; ` +
      `${connections} connections, ${seconds} s per variant; Redis ${redisUrl}\n`,
  );
  printTable(rows);
  const counts = await queue.counts();
  console.log(`\njobs in the queue: ${counts.waiting} (one per 202 answer; nothing drains them here)`);
  console.log(`events the do-nothing handler ran for: ${handled > 0 ? 'all answered 200' : 'none'}`);
} finally {
  await queue.bullmq.obliterate({ force: true }).catch(() => {});
  await queue.close();
  await stopRedis();
}

function appWith(register: (hook: ReturnType<typeof fusionWebhook>) => unknown): express.Express {
  const hook = fusionWebhook({ authorization, logger: silentLogger });
  register(hook);
  const app = express();
  app.use('/hook', hook);
  return app;
}

function run(url: string, duration: number): Promise<AutocannonResult> {
  return autocannon({
    url,
    connections,
    duration,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    requests: [
      {
        setupRequest: (request: Record<string, unknown>) => ({
          ...request,
          body: `${prefix[0]}${randomUUID()}${prefix[1]}`,
        }),
      },
    ],
  });
}

function listen(app: express.Express): Promise<Server> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
  });
}

/** REDIS_URL, or a redis-server of its own on a free port, stopped at the end. */
async function redis(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, stop: async () => {} };
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.env.REDIS_SERVER_BIN ?? 'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  await new Promise<void>((resolve, reject) => {
    child.once('error', () =>
      reject(new Error('redis-server is not installed: apt-get install -y redis-server, or set REDIS_URL')),
    );
    child.once('spawn', () => resolve());
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface AutocannonResult {
  readonly requests: { readonly average: number };
  readonly latency: {
    readonly p50: number;
    readonly p90: number;
    readonly p99: number;
    readonly max: number;
  };
  readonly non2xx: number;
}

/**
 * autocannon is loaded by name at run time: it is a dependency of the bench package only (see the
 * hook-up note in bench/RESULTS.md), so the repository's typecheck does not need it installed.
 */
async function loadAutocannon(): Promise<(options: Record<string, unknown>) => Promise<AutocannonResult>> {
  const name = 'autocannon';
  try {
    const loaded = (await import(name)) as {
      default: (options: Record<string, unknown>) => Promise<AutocannonResult>;
    };
    return loaded.default;
  } catch {
    console.error('bench/queue/enqueue.ts needs autocannon: pnpm --filter @authhooks/bench add autocannon');
    process.exit(1);
  }
}

function printTable(table: string[][]) {
  const widths =
    table[0]?.map((_, column) => Math.max(...table.map((row) => (row[column] ?? '').length))) ?? [];
  const line = (row: string[]) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ');
  console.log(line(table[0] ?? []));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of table.slice(1)) console.log(line(row));
}
