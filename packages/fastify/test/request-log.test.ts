import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { captureLogger } from '../../../test/support/capture-logger.js';
import { fusionWebhook, logtoWebhook } from '../src/index.js';

const authorization = 'request-log-key';

/** A Fastify app whose pino writes JSON lines into `lines`. */
function appWithPino(level: string) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { app: Fastify({ logger: { level, stream } }), lines };
}

function deliver(app: ReturnType<typeof Fastify>, key = authorization) {
  return app.inject({
    method: 'POST',
    url: '/fusionauth-webhook',
    headers: { 'content-type': 'application/json', authorization: key },
    payload: JSON.stringify({
      event: { type: 'user.delete', id: crypto.randomUUID(), user: { id: crypto.randomUUID() } },
    }),
  });
}

const levels = ['debug', 'info', 'warn', 'error'] as const;

function webhookLoggingAtEveryLevel(options: { logger?: ReturnType<typeof captureLogger> } = {}) {
  return fusionWebhook({ authorization, path: '/fusionauth-webhook', ...options }).on(
    'user.delete',
    (_event, ctx) => {
      for (const level of levels) ctx.log[level]({ marker: level }, `handler says ${level}`);
    },
  );
}

describe("without a logger option, authhooks logs through the request's pino logger", () => {
  it.each([
    ['debug', levels],
    ['info', ['info', 'warn', 'error']],
    ['warn', ['warn', 'error']],
    ['error', ['error']],
  ] as const)('pino at %s: ctx.log writes exactly the enabled levels, with reqId', async (level, expected) => {
    const { app, lines } = appWithPino(level);
    await app.register(webhookLoggingAtEveryLevel());
    expect((await deliver(app)).statusCode).toBe(200);
    const fromHandler = lines.filter((line) => line.marker !== undefined);
    expect(fromHandler.map((line) => line.msg)).toEqual(expected.map((l) => `handler says ${l}`));
    for (const line of fromHandler) {
      expect(line).toMatchObject({ reqId: expect.any(String), eventType: 'user.delete' });
      expect(line.eventId).toEqual(expect.any(String));
    }
    await app.close();
  });

  it("authhooks' own lines are pino lines too (a refused delivery at warn, with reqId)", async () => {
    const { app, lines } = appWithPino('info');
    await app.register(webhookLoggingAtEveryLevel());
    expect((await deliver(app, 'wrong')).statusCode).toBe(401);
    const refused = lines.find((line) => String(line.msg).includes('authorization check failed'));
    expect(refused).toMatchObject({ level: expect.any(Number), reqId: expect.any(String) });
    await app.close();
  });

  it('logtoWebhook logs through request.log as well', async () => {
    const { app, lines } = appWithPino('info');
    await app.register(logtoWebhook({ signingKey: 'logto-key', path: '/logto-webhook' }));
    const res = await app.inject({
      method: 'POST',
      url: '/logto-webhook',
      headers: { 'content-type': 'application/json', 'logto-signature-sha-256': '00' },
      payload: '{}',
    });
    expect(res.statusCode).toBe(401);
    const refused = lines.find((line) => String(line.msg).includes('signature check failed'));
    expect(refused).toMatchObject({ reqId: expect.any(String), outcome: 'unauthorized' });
    await app.close();
  });
});

describe('a logger given as an option wins', () => {
  it('the lines go to it, not to pino', async () => {
    const { app, lines } = appWithPino('debug');
    const own = captureLogger();
    await app.register(webhookLoggingAtEveryLevel({ logger: own }));
    expect((await deliver(app)).statusCode).toBe(200);
    expect(own.lines.filter((line) => line.fields.marker !== undefined)).toHaveLength(4);
    expect(lines.filter((line) => line.marker !== undefined)).toHaveLength(0);
    await app.close();
  });
});
