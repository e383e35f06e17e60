// A webhook server in its own process, so that its resident memory can be measured alone. Started by
// test/reliability/spawn-server.mjs with a JSON config in argv[2]; talks to its parent over IPC:
//   → { ready: true, port }                          once listening
//   ← { id, cmd: 'rss' }      → { id, rss, heapUsed } after forced garbage collections
//   ← { id, cmd: 'peak' }     → { id, peak }           highest rss sampled since the last 'peak'
//   ← { id, cmd: 'stats' }    → { id, calls, twice, logged }
// Handler calls are counted per event id `load-<n>` in a buffer allocated up front, so counting adds
// no memory while the load runs.
import { memoryStore } from '@authhooks/core';
import { adapters } from './adapters.mjs';

const config = JSON.parse(process.argv[2]);
const start = adapters[config.adapter];
if (start === undefined) throw new Error(`unknown adapter ${config.adapter}`);

const perId = new Uint8Array(config.countIds ?? 0);
let calls = 0;
const logged = { debug: 0, info: 0, warn: 0, error: 0 };
const logger = {
  debug: () => void logged.debug++,
  info: () => void logged.info++,
  warn: () => void logged.warn++,
  error: () => void logged.error++,
  isLevelEnabled: (level) => level !== 'debug',
};

const count = (event) => {
  calls++;
  const n = typeof event.id === 'string' && event.id.startsWith('load-') ? Number(event.id.slice(5)) : -1;
  if (n >= 0 && n < perId.length && perId[n] < 255) perId[n]++;
};

const mounts = config.mounts.map(({ path, options, store }) => ({
  path,
  options: { ...options, logger, ...(store && { idempotency: memoryStore(store) }) },
  register: (routes) => routes.on('user.delete', count),
}));

let peak = 0;
const sample = () => {
  peak = Math.max(peak, process.memoryUsage.rss());
};
setInterval(sample, 5).unref();

const settle = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function rss() {
  for (let i = 0; i < 3; i++) {
    globalThis.gc?.();
    await settle(50);
  }
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}

const commands = {
  rss,
  peak: async () => {
    sample();
    const highest = peak;
    peak = process.memoryUsage.rss();
    return { peak: highest };
  },
  stats: async () => ({ calls, twice: perId.reduce((n, c) => n + (c > 1 ? 1 : 0), 0), logged }),
};

process.on('message', async ({ id, cmd }) => {
  process.send({ id, ...(await commands[cmd]()) });
});
process.on('disconnect', () => process.exit(0));

const port = await start(mounts);
process.send({ ready: true, port });
