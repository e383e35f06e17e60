import { createReceiver, type Logger, memoryStore, type ResultInfo, silentLogger } from '@authhooks/core';
import { describe, expect, it } from 'vitest';
import { authed, eventBody, json, testKey, testProvider } from './helpers/provider.js';

function capture(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const write = (level: string) => (fields: object, message?: string) =>
    void lines.push(`${level} ${JSON.stringify(fields)} ${message}`);
  return { lines, debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

describe('construction', () => {
  it('refuses a provider without verifiers unless it opted out', () => {
    expect(() => createReceiver({ provider: testProvider({ verifiers: [] }) })).toThrow(
      /allowUnauthenticated: true/,
    );
    expect(() =>
      createReceiver({ provider: testProvider({ verifiers: [], allowUnauthenticated: true }) }),
    ).not.toThrow();
  });

  it.each([
    [{ timeoutMs: 0 }, /timeoutMs must be a positive number/],
    [{ maxBodyBytes: 1.5 }, /maxBodyBytes must be a positive integer/],
    [{ unhandled: 'drop' }, /unhandled must be 'ack' or 'reject'/],
    [{ idempotency: {} }, /reserve, complete and release/],
    [{ responses: { handler_error: 200 } }, /cannot be 200: a 2xx tells FusionAuth to commit/],
    [{ responses: { handled: 500 } }, /must be a 2xx status/],
    [{ responses: { teapot: 418 } }, /not an outcome/],
  ])('%o is refused with a message', (options, message) => {
    expect(() => createReceiver({ provider: testProvider(), ...(options as object) })).toThrow(message);
  });

  it('refuses a store lease not above the deadline: a copy could run beside a handler still working', () => {
    expect(() =>
      createReceiver({ provider: testProvider(), idempotency: memoryStore({ leaseMs: 1_000 }) }),
    ).toThrow(/leaseMs \(1000\) is not above timeoutMs \(1800\)/);
    expect(() =>
      createReceiver({
        provider: testProvider(),
        idempotency: memoryStore({ leaseMs: 1_000 }),
        timeoutMs: 500,
      }),
    ).not.toThrow();
  });
});

describe('store calls stay bounded', () => {
  it('with timeoutMs: false a store that never answers still gets a 503, after 5 s', async () => {
    const never = () => new Promise<never>(() => {});
    const receiver = createReceiver({
      provider: testProvider(),
      logger: silentLogger,
      timeoutMs: false,
      idempotency: { reserve: never, complete: never, release: never },
    }).on('user.delete', () => {});
    const started = performance.now();
    const answer = await receiver.receive({
      method: 'POST',
      headers: authed,
      body: eventBody('user.delete'),
    });
    expect([answer.status, answer.outcome]).toEqual([503, 'unavailable']);
    expect(performance.now() - started).toBeGreaterThanOrEqual(4_900);
  }, 10_000);
});

describe('responses, deadline, onResult and logging', () => {
  it('uses the status overrides', async () => {
    const receiver = createReceiver({
      provider: testProvider(),
      responses: { handled: 202, rejected: 400 },
      logger: capture(),
    })
      .on('user.delete', () => {})
      .on('user.create', (_e, ctx) => ctx.reject('no'));
    expect(
      (await receiver.receive({ method: 'POST', headers: authed, body: eventBody('user.delete') })).status,
    ).toBe(202);
    expect(
      (await receiver.receive({ method: 'POST', headers: authed, body: eventBody('user.create') })).status,
    ).toBe(400);
  });

  it('fetch() sends no body when a status override forbids one (204)', async () => {
    const receiver = createReceiver({
      provider: testProvider(),
      responses: { handled: 204 },
      logger: capture(),
    }).on('user.delete', () => {});
    const response = await receiver.fetch(
      new Request('http://localhost/hook', {
        method: 'POST',
        headers: authed,
        body: eventBody('user.delete'),
      }),
    );
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
  });

  it('timeoutMs: false lets a slow handler finish', async () => {
    const receiver = createReceiver({ provider: testProvider(), timeoutMs: false, logger: capture() }).on(
      'user.delete',
      () => new Promise((resolve) => setTimeout(resolve, 30)),
    );
    expect(
      (await receiver.receive({ method: 'POST', headers: authed, body: eventBody('user.delete') })).outcome,
    ).toBe('handled');
  });

  it('calls onResult once per request, and a throwing onResult changes nothing', async () => {
    const results: ResultInfo[] = [];
    const receiver = createReceiver({
      provider: testProvider(),
      logger: capture(),
      onResult: (info) => {
        results.push(info);
        throw new Error('metrics down');
      },
    }).on('user.delete', () => {});
    const answer = await receiver.receive({
      method: 'POST',
      headers: authed,
      body: eventBody('user.delete', { id: 'r-1' }),
    });
    expect(answer.status).toBe(200);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      outcome: 'handled',
      status: 200,
      eventType: 'user.delete',
      eventId: 'r-1',
    });
    expect(results[0]?.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('logs refusals as warnings and handler failures as errors, without secrets or stacks', async () => {
    const logger = capture();
    const receiver = createReceiver({ provider: testProvider(), logger }).on('user.delete', () => {
      throw new Error('db refused');
    });
    await receiver.receive({
      method: 'POST',
      headers: { ...json, authorization: 'guess' },
      body: eventBody('user.delete'),
    });
    await receiver.receive({ method: 'POST', headers: authed, body: eventBody('user.delete') });
    // The answer names only the check; the log says why.
    expect(logger.lines[0]).toMatch(
      /^warn .*"outcome":"unauthorized".*"reason":"authorization header does not match".* authorization check failed$/,
    );
    expect(logger.lines[1]).toMatch(/^error .*"err":\{"name":"Error","message":"db refused"\}/);
    expect(logger.lines.join('\n')).not.toContain(testKey);
    expect(logger.lines.join('\n')).not.toMatch(/\n\s+at /);
  });
});
