// Clients that go away: mid-headers, mid-body, or while the handler runs. No crash, nothing rejects
// unhandled, no error is logged for the client's doing, and the next delivery is served.
import net from 'node:net';
import { memoryStore, type ResultInfo } from '@authhooks/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapters, type Running } from '../helpers/adapters.js';
import { captureLogger } from '../support/capture-logger.js';
import { exchange } from '../support/exchange.js';
import { abortMidBody } from '../support/raw-http.js';
import { watchUnhandled } from '../support/unhandled.js';

const key = 'Bearer client-faults-key';
const headers: [string, string][] = [
  ['content-type', 'application/json'],
  ['authorization', key],
];
const body = (type = 'user.delete', id: string = crypto.randomUUID()) =>
  JSON.stringify({ event: { type, id, user: { id: 'u-1' }, pad: 'x'.repeat(8192) } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes `text` on a fresh connection, waits `thenMs`, and destroys the connection. */
function sendAndVanish(url: string, text: string, thenMs: number): Promise<void> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    socket.on('error', () => {});
    socket.write(text, () =>
      setTimeout(() => {
        socket.destroy();
        resolve();
      }, thenMs),
    );
  });
}

/** A whole request as raw HTTP/1.1 text, so the test can drop the connection whenever it likes. */
function rawRequest(url: string, text: string): string {
  const { pathname, host } = new URL(url);
  return `${[
    `POST ${pathname} HTTP/1.1`,
    `host: ${host}`,
    `content-length: ${Buffer.byteLength(text)}`,
    ...headers.map(([name, value]) => `${name}: ${value}`),
  ].join('\r\n')}\r\n\r\n${text}`;
}

describe.each(adapters)('client faults: $name', (adapter) => {
  const unhandled = watchUnhandled();
  const logger = captureLogger();
  const finished: string[] = [];
  const results: ResultInfo[] = [];
  /** user.create: a handler that honours ctx.signal, and what it saw. */
  const stopped: { id: string; reason: string }[] = [];
  let creates = 0;
  let server: Running;

  beforeAll(async () => {
    server = await adapter.start(
      {
        authorization: key,
        timeoutMs: 1_000,
        logger,
        idempotency: memoryStore(),
        onResult: (result) => void results.push(result),
      },
      (routes) =>
        routes
          .on('user.delete', () => {})
          .on('user.update', async (event) => {
            await sleep(150); // ignores ctx.signal
            finished.push(event.id);
          })
          .on('user.create', async (event, ctx) => {
            creates++;
            if (creates > 1) return;
            await new Promise((_, reject) =>
              ctx.signal.addEventListener('abort', () => {
                stopped.push({ id: event.id, reason: String((ctx.signal.reason as Error)?.name) });
                reject(ctx.signal.reason);
              }),
            );
          }),
    );
  });
  afterAll(() => server.close());

  async function expectStillServing() {
    const answer = await exchange(server.url, { headers, body: body() });
    expect([answer.status, JSON.parse(answer.body).outcome]).toEqual([200, 'handled']);
    expect(unhandled).toEqual([]);
    expect(logger.lines.filter((line) => line.level === 'error')).toEqual([]);
  }

  it('a client that vanishes in the middle of the headers', async () => {
    const { pathname } = new URL(server.url);
    await sendAndVanish(server.url, `POST ${pathname} HTTP/1.1\r\nhost: x\r\nauthoriz`, 20);
    await expectStillServing();
  });

  it('a client that vanishes in the middle of the body', async () => {
    await abortMidBody(server.url, headers, body());
    await sleep(50);
    await expectStillServing();
  });

  it('a client that vanishes while a handler that ignores ctx.signal runs: client_gone, and the finished handler counts as handled', async () => {
    const id = crypto.randomUUID();
    await sendAndVanish(server.url, rawRequest(server.url, body('user.update', id)), 30);
    await expect.poll(() => finished.length, { timeout: 3_000 }).toBe(1);
    expect(results.find((r) => r.eventId === id)?.outcome).toBe('client_gone');
    await sleep(20);
    // Its effect happened: a re-send is a duplicate, not a second run.
    const again = await exchange(server.url, { headers, body: body('user.update', id) });
    expect([again.status, JSON.parse(again.body).outcome]).toEqual([200, 'duplicate']);
    expect(finished).toEqual([id]);
    await expectStillServing();
  });

  it('a client that vanishes while a handler that honours ctx.signal runs: the signal aborts, and a re-send runs it again', async () => {
    const id = crypto.randomUUID();
    await sendAndVanish(server.url, rawRequest(server.url, body('user.create', id)), 30);
    await expect.poll(() => stopped, { timeout: 3_000 }).toEqual([{ id, reason: 'AbortError' }]);
    await expect.poll(() => results.find((r) => r.eventId === id)?.outcome).toBe('client_gone');
    await sleep(20);
    const again = await exchange(server.url, { headers, body: body('user.create', id) });
    expect([again.status, JSON.parse(again.body).outcome]).toEqual([200, 'handled']);
    expect(creates).toBe(2);
    await expectStillServing();
  });
});
