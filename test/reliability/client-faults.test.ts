// Clients that go away: mid-headers, mid-body, or while the handler runs. No crash, nothing rejects
// unhandled, no error is logged for the client's doing, and the next delivery is served.
import net from 'node:net';
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
const body = (type = 'user.delete') =>
  JSON.stringify({ event: { type, id: crypto.randomUUID(), user: { id: 'u-1' }, pad: 'x'.repeat(8192) } });
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

describe.each(adapters)('client faults: $name', (adapter) => {
  const unhandled = watchUnhandled();
  const logger = captureLogger();
  const finished: string[] = [];
  let server: Running;

  beforeAll(async () => {
    server = await adapter.start({ authorization: key, timeoutMs: 1_000, logger }, (routes) =>
      routes
        .on('user.delete', () => {})
        .on('user.update', async (event) => {
          await sleep(150);
          finished.push(event.id);
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

  it('a client that vanishes while the handler runs: the handler finishes, nothing breaks', async () => {
    const { pathname, host } = new URL(server.url);
    const text = body('user.update');
    const request = [
      `POST ${pathname} HTTP/1.1`,
      `host: ${host}`,
      `content-length: ${Buffer.byteLength(text)}`,
      ...headers.map(([name, value]) => `${name}: ${value}`),
    ].join('\r\n');
    await sendAndVanish(server.url, `${request}\r\n\r\n${text}`, 30);
    await expect.poll(() => finished.length, { timeout: 3_000 }).toBe(1);
    await sleep(20);
    await expectStillServing();
  });
});
