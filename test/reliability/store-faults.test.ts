// An idempotency store that throws, rejects or never answers: the answer comes within the deadline
// (503 while reserving, so FusionAuth retries; with onStoreError: 'process' the handler runs instead;
// once the handlers finished, their result stands), nothing rejects unhandled, and the next delivery is
// served and deduplicated normally. Every adapter, sources and built packages.
import { describe, expect, it } from 'vitest';
import { adapters } from '../helpers/adapters.js';
import { captureLogger } from '../support/capture-logger.js';
import { type Answer, exchange } from '../support/exchange.js';
import { leaksIn } from '../support/leaks.js';
import { inOutcomeTable } from '../support/outcome-table.js';
import { watchUnhandled } from '../support/unhandled.js';
import { faultyStore, type StoreFault } from './faulty-store.js';

const key = 'Bearer store-faults-key';
const timeoutMs = 300;

const delivery = (id: string, type = 'user.delete') => ({
  answerWithinMs: 5_000,
  headers: [
    ['content-type', 'application/json'],
    ['authorization', key],
  ] as [string, string][],
  body: JSON.stringify({ event: { type, id, user: { id: 'u-1' } } }),
});

const outcomeOf = (answer: Answer) => [
  answer.status,
  (JSON.parse(answer.body) as { outcome: string }).outcome,
];

/** [fault, onStoreError, event type, expected status, expected outcome, handler runs]. */
const cases: [StoreFault, 'fail' | 'process', string, number, string, boolean][] = [
  ['reserve throws synchronously', 'fail', 'user.delete', 503, 'unavailable', false],
  ['reserve rejects', 'fail', 'user.delete', 503, 'unavailable', false],
  ['reserve never answers', 'fail', 'user.delete', 503, 'unavailable', false],
  ['reserve throws synchronously', 'process', 'user.delete', 200, 'handled', true],
  ['reserve rejects', 'process', 'user.delete', 200, 'handled', true],
  ['reserve never answers', 'process', 'user.delete', 200, 'handled', true],
  ['complete throws synchronously', 'fail', 'user.delete', 200, 'handled', true],
  ['complete never answers', 'fail', 'user.delete', 200, 'handled', true],
  ['release rejects', 'fail', 'user.update', 500, 'handler_error', true],
];

describe.each(adapters)('store faults: $name', (adapter) => {
  const unhandled = watchUnhandled();

  it.each(
    cases,
  )('%s (onStoreError: %s): %s → %i %s', async (fault, onStoreError, type, status, outcome, runs) => {
    const handled: string[] = [];
    const logger = captureLogger();
    const server = await adapter.start(
      { authorization: key, timeoutMs, idempotency: faultyStore(fault, onStoreError), logger },
      (routes) =>
        routes
          .on('user.delete', (event) => void handled.push(event.id))
          .on('user.update', (event) => {
            handled.push(event.id);
            throw new Error('handler failed on purpose');
          }),
    );
    try {
      const id = `fault-${crypto.randomUUID()}`;
      const started = performance.now();
      const answer = await exchange(server.url, delivery(id, type));
      expect(performance.now() - started).toBeLessThan(timeoutMs + 1_500);
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
      expect(outcomeOf(answer)).toEqual([status, outcome]);
      expect(inOutcomeTable(status, outcome)).toBe(true);
      expect(leaksIn(answer.raw + logger.text(), [key])).toEqual([]);
      expect(handled).toEqual(runs ? [id] : []);

      const next = delivery(crypto.randomUUID());
      expect(outcomeOf(await exchange(server.url, next))).toEqual([200, 'handled']);
      expect(outcomeOf(await exchange(server.url, next))).toEqual([200, 'duplicate']);
      expect(unhandled).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
