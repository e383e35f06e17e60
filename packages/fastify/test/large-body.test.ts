import { Readable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { fiftyMegabytes, postStreamed } from '../../../test/adapter-kit/large-body.js';
import { secret } from '../../../test/adapter-kit/provider.js';
import { scenario } from '../../../test/adapter-kit/scenario.js';
import { fastifyPlugin } from '../src/plugin.js';
import { listenOnRandomPort } from './helpers/fastify-app.js';

const fiveMiB = 5 * 1024 * 1024;
const tooLarge = { outcome: 'payload_too_large', error: `body is larger than ${fiveMiB} bytes` };
const headers = { 'content-type': 'application/json', authorization: secret };

/** A Node stream of `total` bytes that counts what was pulled from it. */
function countingReadable(total: number) {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let pulled = 0;
  const stream = new Readable({
    read() {
      if (pulled >= total) return void this.push(null);
      pulled += chunk.byteLength;
      this.push(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

describe('a 50 MB body with the default 5 MiB limit', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function build() {
    const { receiver, deleted } = scenario({ timeoutMs: false });
    app = Fastify();
    await app.register(fastifyPlugin(receiver, { path: '/hook' }));
    return { app, deleted };
  }

  it('inject(): 413, and reading stops at the limit', async () => {
    const { app: fastify, deleted } = await build();
    const body = countingReadable(fiftyMegabytes);
    const res = await fastify.inject({ method: 'POST', url: '/hook', headers, payload: body.stream });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual(tooLarge);
    expect(body.pulled()).toBeGreaterThan(fiveMiB);
    expect(body.pulled()).toBeLessThan(fiveMiB + 1024 * 1024);
    expect(deleted).toEqual([]);
  });

  it('inject(): unauthenticated → 401 without reading the body', async () => {
    const { app: fastify } = await build();
    const body = countingReadable(fiftyMegabytes);
    const res = await fastify.inject({
      method: 'POST',
      url: '/hook',
      headers: { 'content-type': 'application/json' },
      payload: body.stream,
    });
    expect(res.statusCode).toBe(401);
    expect(body.pulled()).toBeLessThan(1024 * 1024);
  });

  it('over HTTP, chunked: 413 before the client has sent the body', async () => {
    const { app: fastify } = await build();
    const base = await listenOnRandomPort(fastify);
    const res = await postStreamed(`${base}/hook`, fiftyMegabytes, headers);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toEqual(tooLarge);
    expect(res.writtenAtAnswer).toBeLessThan(20 * 1024 * 1024);
  });

  it('over HTTP, with Content-Length: 413 from the header alone', async () => {
    const { app: fastify } = await build();
    const base = await listenOnRandomPort(fastify);
    const res = await postStreamed(`${base}/hook`, fiftyMegabytes, headers, true);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toEqual(tooLarge);
    expect(res.writtenAtAnswer).toBeLessThan(20 * 1024 * 1024);
  });
});
