import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { countingStream, fiftyMegabytes, postStreamed } from '../../../test/adapter-kit/large-body.js';
import { secret } from '../../../test/adapter-kit/provider.js';
import { scenario } from '../../../test/adapter-kit/scenario.js';
import { honoHandler } from '../src/handler.js';
import { type Listening, listen } from './helpers/hono-server.js';

const fiveMiB = 5 * 1024 * 1024;
const tooLarge = { outcome: 'payload_too_large', error: `body is larger than ${fiveMiB} bytes` };
const headers = { 'content-type': 'application/json', authorization: secret };

function app() {
  const { receiver, deleted } = scenario({ timeoutMs: false });
  return { app: new Hono().use('/hook', honoHandler(receiver)), deleted };
}

describe('a 50 MB body with the default 5 MiB limit', () => {
  let server: Listening | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('app.request(): 413, and the reader stops pulling at the limit', async () => {
    const { app: hono, deleted } = app();
    const body = countingStream(fiftyMegabytes);
    const res = await hono.request('/hook', {
      method: 'POST',
      headers,
      body: body.stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual(tooLarge);
    expect(body.pulled()).toBeGreaterThan(fiveMiB);
    expect(body.pulled()).toBeLessThan(fiveMiB + 512 * 1024);
    expect(deleted).toEqual([]);
  });

  it('app.request(): no body read at all when unauthenticated', async () => {
    const { app: hono } = app();
    const body = countingStream(fiftyMegabytes);
    const res = await hono.request('/hook', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body.stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(401);
    expect(body.pulled()).toBeLessThanOrEqual(128 * 1024);
  });

  it('over HTTP, chunked: 413 before the client has sent the body', async () => {
    server = await listen(app().app);
    const res = await postStreamed(`${server.url}/hook`, fiftyMegabytes, headers);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toEqual(tooLarge);
    expect(res.writtenAtAnswer).toBeLessThan(20 * 1024 * 1024);
  });

  it('over HTTP, with Content-Length: 413 from the header alone', async () => {
    server = await listen(app().app);
    const res = await postStreamed(`${server.url}/hook`, fiftyMegabytes, headers, true);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toEqual(tooLarge);
    expect(res.writtenAtAnswer).toBeLessThan(20 * 1024 * 1024);
  });
});
