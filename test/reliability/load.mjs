#!/usr/bin/env node
// Load: valid deliveries through every adapter with autocannon on 127.0.0.1, each adapter's server in a
// child process (plain node over the built packages) so its resident memory is its own. Checks: no
// unexpected status, every handler call counted exactly once (unique event ids; duplicates answered
// `duplicate` by a memoryStore and not handled again), and rss back within 10 % of its start.
//
//   node test/reliability/load.mjs            100 000 deliveries per adapter
//   node test/reliability/load.mjs --quick    20 000 (what CI runs)
//   --adapter <substring>  only matching adapters; --source  run the child over the TypeScript sources
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { adapters } from './child/adapters.mjs';
import { deliveries } from './load/deliveries.mjs';
import { printTable } from './load/table.mjs';
import { spawnServer } from './spawn-server.mjs';

const args = process.argv.slice(2);
const requests = args.includes('--quick') ? 20_000 : 100_000;
const only = args.includes('--adapter') ? args[args.indexOf('--adapter') + 1] : undefined;
const warmup = 5_000;
const storeTtlMs = 2_000;
const connections = 10;
const authorization = 'Bearer load-test-key';
const path = '/fusionauth-webhook';
const rssTolerance = 0.1;

async function run(adapter) {
  const server = await spawnServer(
    {
      adapter,
      mounts: [{ path, options: { authorization }, store: { ttlMs: storeTtlMs } }],
      countIds: warmup + requests + 10,
    },
    { source: args.includes('--source') },
  );
  try {
    const sequence = deliveries();
    await fire(server.port, sequence, warmup);
    const before = await settled(server, sequence);
    const start = { ...(await server.ask('stats')), ...sequence.counts() };
    const started = performance.now();
    const load = await fire(server.port, sequence, requests);
    const seconds = (performance.now() - started) / 1000;
    const end = { ...(await server.ask('stats')), ...sequence.counts() };
    const after = await settled(server, sequence);
    const final = await server.ask('stats');
    return {
      adapter,
      requests: load.total,
      perSecond: Math.round(load.total / seconds),
      unexpected: load.unexpected + sequence.unexpected,
      // Of the load phase alone; `countedTwice` and `errorsLogged` over the child's whole life.
      calls: end.calls - start.calls,
      handledAnswers: end.handled - start.handled,
      duplicatesSent: end.duplicatesSent - start.duplicatesSent,
      duplicateAnswers: end.duplicate - start.duplicate,
      countedTwice: final.twice,
      errorsLogged: final.logged.error,
      rssBefore: before.rss,
      rssAfter: after.rss,
    };
  } finally {
    await server.stop();
  }
}

/** `amount` deliveries from `sequence`, 10 connections; statuses other than 200 count as unexpected. */
async function fire(port, sequence, amount) {
  sequence.newPhase();
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${path}`,
    connections: Math.min(connections, amount),
    amount,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        setupRequest: (request) => ({ ...request, body: sequence.next() }),
        onResponse: (status, body) => sequence.answer(status, body),
      },
    ],
  });
  const statuses = Object.entries(result.statusCodeStats ?? {});
  const other = statuses.filter(([code]) => code !== '200').reduce((n, [, { count }]) => n + count, 0);
  return { total: result.requests.total, unexpected: other + result.errors + result.timeouts };
}

/** Waits for the store's entries to expire, lets one delivery sweep them, then the child's rss after GC. */
async function settled(server, sequence) {
  await sleep(storeTtlMs + 250);
  await fire(server.port, sequence, 1);
  return server.ask('rss');
}

const names = Object.keys(adapters).filter((name) => only === undefined || name.includes(only));
const rows = [];
const startedAt = Date.now();
for (const adapter of names) {
  process.stdout.write(`load: ${adapter}…\n`);
  rows.push(await run(adapter));
}
const violations = printTable(rows, { rssTolerance });
console.log(
  `load: ${requests} deliveries per adapter (+${warmup} warm-up), ${connections} connections, ` +
    `${((Date.now() - startedAt) / 1000).toFixed(1)} s wall time, node ${process.version}`,
);
if (violations.length > 0) {
  for (const violation of violations) console.error(`load: FAIL ${violation}`);
  process.exit(1);
}
console.log('load: every check passed');
