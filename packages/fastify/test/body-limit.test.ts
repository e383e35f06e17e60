import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { httpSender } from '../../../test/conformance/client.js';
import { eventBody } from '../../../test/conformance/event-body.js';
import { delivery } from '../../../test/conformance/scenario.js';
import type { FusionWebhookOptions } from '../src/index.js';
import { injector, listenOnRandomPort, webhook } from './helpers/fastify-app.js';

// The outcome table (413 declared and streamed, inject and HTTP) runs in test/conformance; these are
// about Fastify's own bodyLimit (1 MiB by default), which must neither cut the receiver's limit
// short nor answer in its place.
const mib = 1024 * 1024;
const padded = (id: string, bytes: number) => eventBody('user.delete', { id, padding: 'x'.repeat(bytes) });

describe("Fastify's bodyLimit does not apply to the webhook route", () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function build(options: FusionWebhookOptions = {}, bodyLimit?: number) {
    const { plugin, world } = webhook('/hook', options);
    app = Fastify(bodyLimit === undefined ? {} : { bodyLimit });
    await app.register(plugin);
    return { app, world };
  }

  it('a 2 MiB event (over the 1 MiB default, under the receiver’s 5 MiB) is handled, inject and HTTP', async () => {
    const { app: fastify, world } = await build();
    await fastify.ready();
    const injected = await injector(fastify, '/hook')(delivery(padded('e-inject', 2 * mib)));
    expect(injected.json).toEqual({ outcome: 'handled', eventId: 'e-inject', eventType: 'user.delete' });
    const base = await listenOnRandomPort(fastify);
    const sent = await httpSender(`${base}/hook`)(delivery(padded('e-http', 2 * mib)));
    expect(sent.json).toEqual({ outcome: 'handled', eventId: 'e-http', eventType: 'user.delete' });
    expect([world.seen('e-inject').length, world.seen('e-http').length]).toEqual([1, 1]);
  });

  it('an app bodyLimit of 1 KiB does not cut the webhook short: maxBodyBytes decides', async () => {
    const { app: fastify, world } = await build({ maxBodyBytes: 3 * mib }, 1024);
    await fastify.ready();
    const send = injector(fastify, '/hook');
    expect((await send(delivery(padded('e-under', 2 * mib)))).status).toBe(200);
    const over = await send(delivery(padded('e-over', 3 * mib)));
    expect([over.status, over.json]).toEqual([
      413,
      { outcome: 'payload_too_large', error: `body is larger than ${3 * mib} bytes` },
    ]);
    expect([world.seen('e-under').length, world.seen('e-over').length]).toEqual([1, 0]);
  });

  it('maxBodyBytes below it answers the receiver’s 413, not Fastify’s', async () => {
    const { app: fastify } = await build({ maxBodyBytes: 1000 });
    await fastify.ready();
    const res = await injector(fastify, '/hook')(delivery(padded('e-small', 2000)));
    expect([res.status, res.json]).toEqual([
      413,
      { outcome: 'payload_too_large', error: 'body is larger than 1000 bytes' },
    ]);
  });
});
