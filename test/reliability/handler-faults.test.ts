// Handlers that throw what no one expects, hang, or reject after the deadline: each gets its answer from
// the outcome table, nothing rejects unhandled, no stack reaches the answer or the log, and the server
// still answers a genuine delivery afterwards. Every adapter, sources and built packages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapters, type Running } from '../helpers/adapters.js';
import { captureLogger } from '../support/capture-logger.js';
import { type Answer, exchange } from '../support/exchange.js';
import { leaksIn } from '../support/leaks.js';
import { inOutcomeTable } from '../support/outcome-table.js';
import { watchUnhandled } from '../support/unhandled.js';
import { faultyValues } from './faulty-values.js';

const key = 'Bearer handler-faults-key';
const timeoutMs = 300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A user.update whose `fault` field tells the handler what to do. */
const delivery = (fault: Record<string, unknown>, type = 'user.update') => ({
  answerWithinMs: 3_000,
  headers: [
    ['content-type', 'application/json'],
    ['authorization', key],
  ] as [string, string][],
  body: JSON.stringify({ event: { type, id: crypto.randomUUID(), user: { id: 'u-1' }, fault } }),
});

const outcomeOf = (answer: Answer) => [
  answer.status,
  (JSON.parse(answer.body) as { outcome: string }).outcome,
];

describe.each(adapters)('handler faults: $name', (adapter) => {
  const unhandled = watchUnhandled();
  const logger = captureLogger();
  const signals: AbortSignal[] = [];
  const lateRejections: (() => void)[] = [];
  let server: Running;

  beforeAll(async () => {
    server = await adapter.start({ authorization: key, timeoutMs, logger }, (routes) =>
      routes
        .on('user.delete', () => {})
        .on('user.update', (_event, ctx) => {
          const fault = ctx.rawEvent.fault as { value: string; how: 'throw' | 'reject' | 'hang' | 'late' };
          const value = faultyValues[fault.value]?.();
          if (fault.how === 'throw') throw value;
          if (fault.how === 'reject') return Promise.reject(value);
          signals.push(ctx.signal);
          if (fault.how === 'hang') return new Promise(() => {});
          return new Promise((_resolve, reject) => lateRejections.push(() => reject(value)));
        }),
    );
  });
  afterAll(() => server.close());

  async function expectStillServing() {
    const after = await exchange(server.url, delivery({}, 'user.delete'));
    expect(outcomeOf(after)).toEqual([200, 'handled']);
  }

  function expectClean(answer: Answer) {
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    const [status, outcome] = outcomeOf(answer);
    expect(inOutcomeTable(status as number, outcome)).toBe(true);
    expect(leaksIn(answer.raw, [])).toEqual([]);
  }

  describe.each(Object.keys(faultyValues))('a handler that throws or rejects with %s', (value) => {
    it.each(['throw', 'reject'])('%s: 500 handler_error, clean, still serving', async (how) => {
      const answer = await exchange(server.url, delivery({ value, how }));
      expectClean(answer);
      expect(outcomeOf(answer)).toEqual([500, 'handler_error']);
      await expectStillServing();
      expect(leaksIn(logger.text(), [key])).toEqual([]);
      expect(unhandled).toEqual([]);
    });
  });

  it('a handler that never settles: 504 timeout at the deadline, ctx.signal aborted', async () => {
    const started = performance.now();
    const answer = await exchange(server.url, delivery({ value: 'null', how: 'hang' }));
    expectClean(answer);
    expect(outcomeOf(answer)).toEqual([504, 'timeout']);
    expect(performance.now() - started).toBeLessThan(timeoutMs + 1_500);
    expect(signals.at(-1)?.aborted).toBe(true);
    await expectStillServing();
    expect(unhandled).toEqual([]);
  });

  it('handlers rejecting after the deadline, with each of those values: 504 each, then no crash', async () => {
    const values = Object.keys(faultyValues);
    const answers = await Promise.all(
      values.map((value) => exchange(server.url, delivery({ value, how: 'late' }))),
    );
    expect(answers.map(outcomeOf)).toEqual(values.map(() => [504, 'timeout']));
    expect(signals.slice(-values.length).every((signal) => signal.aborted)).toBe(true);
    for (const reject of lateRejections.splice(0)) reject();
    await sleep(20);
    await expectStillServing();
    expect(unhandled).toEqual([]);
  });
});
