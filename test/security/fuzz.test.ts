// fast-check over bodies, heads and signatures, sent over real HTTP (kept-alive, 10 at a time) to every
// adapter: the answer is always JSON whose outcome/status pair is in DESIGN.md's table, never 2xx
// without genuine credentials, exactly the expected answer where the request decides it, and nothing
// rejects or throws unhandled. AUTHHOOKS_TEST_TARGET picks the budget: see `casesPerAdapter`.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Adapter, adapters, type Running } from '../helpers/adapters.js';
import { captureLogger } from '../support/capture-logger.js';
import { ecKey } from '../support/jws.js';
import { type KeepAliveAnswer, type KeepAliveClient, keepAliveClient } from '../support/keep-alive.js';
import { leaksIn } from '../support/leaks.js';
import { inOutcomeTable, isSuccess } from '../support/outcome-table.js';
import { watchUnhandled } from '../support/unhandled.js';
import { fuzzBody, genuineBody } from './fuzz/bodies.js';
import { type FuzzHead, fuzzHead } from './fuzz/headers.js';
import { fuzzSigned, type SignatureKeys } from './fuzz/signatures.js';

/**
 * Requests per adapter, all properties together: the full 10 000 against the built packages (what users
 * run), 2 000 against the sources, so that both projects together stay within a few minutes on 2 cores.
 */
const casesPerAdapter = process.env.AUTHHOOKS_TEST_TARGET === 'dist' ? 10_000 : 2_000;
const share = { bodies: 0.4, heads: 0.3, signatures: 0.3 } as const;
/** Requests in flight at once; one property run sends one batch. */
const batch = 10;
const runs = (name: keyof typeof share) => Math.round((casesPerAdapter * share[name]) / batch);

const authorization = 'Bearer fuzz-4d2c7e91a0b3';
const ec = ecKey();
const keys: SignatureKeys = {
  hmacSecret: 'fuzz-hmac-secret-83b1',
  ec,
  attackerEc: ecKey(),
  pem: ec.publicPem,
};
const secrets = [authorization, keys.hmacSecret];
const json = 'application/json';

interface Target {
  readonly server: Running;
  readonly client: KeepAliveClient;
  readonly logger: ReturnType<typeof captureLogger>;
  sent: number;
}

async function target(adapter: Adapter, options: Parameters<Adapter['start']>[0]): Promise<Target> {
  const logger = captureLogger();
  const server = await adapter.start({ ...options, logger }, (routes) =>
    routes
      .on('user.delete', () => {})
      .on('user.create', () => {
        throw 'a string, not an Error';
      })
      .on('user.update', async () => Promise.reject(null))
      .on('user.registration.create', (_event, ctx) => ctx.reject('not allowed')),
  );
  return { server, logger, client: keepAliveClient(server.url, batch), sent: 0 };
}

/** Every answer: JSON whose outcome/status pair is in the table (or the app parser's own 4xx). */
function tableAnswer(adapter: Adapter, answer: KeepAliveAnswer): string | undefined {
  if (!adapter.readsBody && !String(answer.headers['content-type']).startsWith(json)) {
    expect([400, 413, 415]).toContain(answer.status); // express.json() refused the body itself
    return undefined;
  }
  expect(answer.headers['content-type']).toMatch(/^application\/json/);
  const outcome = (JSON.parse(answer.body) as { outcome?: unknown }).outcome;
  expect(typeof outcome).toBe('string');
  expect([answer.status, outcome, inOutcomeTable(answer.status, outcome)]).toEqual([
    answer.status,
    outcome,
    true,
  ]);
  return outcome as string;
}

const timeout = 240_000;

describe.each(adapters)('fuzz: $name', (adapter) => {
  const unhandled = watchUnhandled();
  let token: Target;
  let signature: Target;

  beforeAll(async () => {
    token = await target(adapter, { authorization, maxBodyBytes: 64 * 1024 });
    signature = await target(adapter, { signature: { hmacSecret: keys.hmacSecret, publicKeys: [keys.pem] } });
  });
  afterAll(async () => {
    for (const { client, server } of [token, signature]) {
      client.close();
      await server.close();
    }
  });

  it(`bodies: ${runs('bodies') * batch} cases`, { timeout }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fuzzBody, { minLength: batch, maxLength: batch }), async (bodies) => {
        const answers = await Promise.all(
          bodies.map(({ body }) =>
            token.client.send({ method: 'POST', headers: { 'content-type': json, authorization }, body }),
          ),
        );
        token.sent += answers.length;
        answers.forEach((answer, i) => {
          const outcome = tableAnswer(adapter, answer);
          if (bodies[i]?.genuine) expect([answer.status, outcome]).toEqual([200, 'handled']);
        });
      }),
      { numRuns: runs('bodies') },
    );
    expect(token.sent).toBeGreaterThanOrEqual(runs('bodies') * batch);
    expect(leaksIn(token.logger.text(), secrets)).toEqual([]);
    expect(unhandled).toEqual([]);
  });

  it(`heads: ${runs('heads') * batch} cases`, { timeout }, async () => {
    const sentBefore = token.sent;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fuzzHead(authorization), fc.uuid()), { minLength: batch, maxLength: batch }),
        async (heads) => {
          const answers = await Promise.all(
            heads.map(([head, id]) => token.client.send({ ...head, body: genuineBody(id) })),
          );
          token.sent += answers.length;
          answers.forEach((answer, i) => {
            const head = (heads[i] as [FuzzHead, string])[0];
            const outcome = tableAnswer(adapter, answer);
            expect([answer.status, outcome]).toEqual(head.expected);
          });
        },
      ),
      { numRuns: runs('heads') },
    );
    expect(token.sent - sentBefore).toBeGreaterThanOrEqual(runs('heads') * batch);
    expect(leaksIn(token.logger.text(), secrets)).toEqual([]);
    expect(unhandled).toEqual([]);
  });

  it(`signatures: ${runs('signatures') * batch} cases`, { timeout }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fuzzSigned(keys), { minLength: batch, maxLength: batch }), async (signed) => {
        const answers = await Promise.all(
          signed.map(({ body, token: jwt }) =>
            signature.client.send({
              method: 'POST',
              headers: { 'content-type': json, 'x-fusionauth-signature-jwt': jwt },
              body,
            }),
          ),
        );
        signature.sent += answers.length;
        answers.forEach((answer, i) => {
          const outcome = tableAnswer(adapter, answer);
          const genuine = signed[i]?.genuine === true;
          if (!genuine) expect(isSuccess(answer.status)).toBe(false);
          expect([answer.status, outcome]).toEqual(genuine ? [200, 'handled'] : [401, 'unauthorized']);
        });
      }),
      { numRuns: runs('signatures') },
    );
    expect(signature.sent).toBeGreaterThanOrEqual(runs('signatures') * batch);
    expect(leaksIn(signature.logger.text(), secrets)).toEqual([]);
    expect(unhandled).toEqual([]);
  });
});
