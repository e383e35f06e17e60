import http from 'node:http';
import { silentLogger } from '@authhooks/core';
import { nodeHandler } from '@authhooks/core/node';
import { fusionReceiver } from '@authhooks/fusionauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestKeys,
  FusionAuthSimulator,
  type FusionAuthWebhook,
  fusionAuthSample,
  requiredSuccesses,
  serveJwks,
  type TransactionType,
  webhookTransactionMessage,
} from '../src/index.js';
import { closedPortUrl, startServer, type TestServer, unreachableUrl } from './helpers/servers.js';

/** One real endpoint per behaviour; each answers every request the same way. */
type Kind = 'ok' | 'fail' | 'slow' | 'closed';
const readTimeout = 300;
const urls = {} as Record<Kind, string>;
const servers: TestServer[] = [];

beforeAll(async () => {
  const ok = await startServer(() => ({ status: 200 }));
  const fail = await startServer(() => ({ status: 500, body: '{"outcome":"handler_error"}' }));
  const slow = await startServer(() => ({ status: 200, delayMs: readTimeout + 700 }));
  servers.push(ok, fail, slow);
  Object.assign(urls, { ok: ok.url, fail: fail.url, slow: slow.url, closed: await closedPortUrl() });
});
afterAll(() => Promise.all(servers.map((server) => server.close())));

// Each webhook gets its own query string so one endpoint can stand for several webhooks.
const webhooks = (kinds: readonly Kind[]): FusionAuthWebhook[] =>
  kinds.map((kind, index) => ({ url: `${urls[kind]}?webhook=${index}`, connectTimeout: 500, readTimeout }));

const rolledBack = {
  committed: false,
  apiStatus: 504,
  apiBody: { generalErrors: [{ code: '[WebhookTransactionException]', message: webhookTransactionMessage }] },
};

describe('FusionAuthSimulator: the transaction policy, case by case', () => {
  const table: [TransactionType, Kind[], boolean][] = [
    ['None', ['fail'], true],
    ['None', ['closed', 'slow'], true],
    ['Any', ['ok'], true],
    ['Any', ['fail', 'ok'], true],
    ['Any', ['fail', 'closed', 'slow'], false],
    ['SimpleMajority', ['ok', 'fail'], true], // 1/2 = 50 %
    ['SimpleMajority', ['ok', 'fail', 'fail'], false], // 1/3
    ['SimpleMajority', ['ok', 'ok', 'closed'], true], // 2/3
    ['SimpleMajority', ['ok', 'ok', 'fail', 'slow'], true], // 2/4 = 50 %
    ['SimpleMajority', ['ok', 'fail', 'fail', 'closed'], false], // 1/4
    ['SuperMajority', ['ok', 'ok', 'fail'], true], // 2/3
    ['SuperMajority', ['ok', 'fail', 'fail'], false], // 1/3
    ['SuperMajority', ['ok', 'ok', 'fail', 'slow'], false], // 2/4 < 2/3
    ['SuperMajority', ['ok', 'ok', 'ok', 'closed'], true], // 3/4
    ['SuperMajority', ['ok', 'ok', 'ok', 'ok', 'fail', 'fail'], true], // 4/6 = 2/3
    ['SuperMajority', ['ok', 'ok', 'ok', 'fail', 'fail', 'fail'], false], // 3/6
    ['AbsoluteMajority', ['ok', 'ok'], true],
    ['AbsoluteMajority', ['ok', 'fail'], false],
    ['AbsoluteMajority', ['ok', 'slow'], false], // a read timeout is a failure
    ['AbsoluteMajority', ['ok', 'closed'], false], // so is a refused connection
  ];

  it.each(table)('%s with %j → committed %s', async (transactionType, kinds, committed) => {
    const simulator = new FusionAuthSimulator({ webhooks: webhooks(kinds), transactionType });
    const result = await simulator.send(fusionAuthSample('user.create'));
    const succeeded = kinds.filter((kind) => kind === 'ok').length;
    expect(result).toMatchObject({
      eventType: 'user.create',
      transactionType,
      webhooks: kinds.length,
      succeeded,
      required: requiredSuccesses(transactionType, kinds.length),
      ...(committed ? { committed: true, apiStatus: 200 } : rolledBack),
    });
    if (committed) expect(result).not.toHaveProperty('apiBody');
    const firsts = result.attempts.filter((attempt) => attempt.attempt === 1);
    expect(firsts.map((attempt) => attempt.ok)).toEqual(kinds.map((kind) => kind === 'ok'));
    // Retries only after a commit, never with None: 3 more for each failed webhook.
    const retried = committed && transactionType !== 'None';
    expect(result.attempts).toHaveLength(kinds.length + (retried ? 3 * (kinds.length - succeeded) : 0));
  });

  it('records why each attempt failed: status, read timeout, refused connection', async () => {
    const simulator = new FusionAuthSimulator({ webhooks: webhooks(['ok', 'fail', 'slow', 'closed']) });
    const { attempts } = await simulator.send(fusionAuthSample('user.create'));
    expect(attempts).toMatchObject([
      { attempt: 1, ok: true, status: 200, body: { ok: true } },
      { attempt: 1, ok: false, status: 500, body: { outcome: 'handler_error' } },
      { attempt: 1, ok: false, error: `read timeout after ${readTimeout} ms` },
      { attempt: 1, ok: false, error: 'connection refused' },
    ]);
    expect(attempts[2]).not.toHaveProperty('status');
    expect(attempts[2]?.durationMs).toBeGreaterThanOrEqual(readTimeout - 5);
  });

  it('a connect timeout is a failure like any other', async () => {
    const unreachable = await unreachableUrl();
    try {
      const simulator = new FusionAuthSimulator({
        webhooks: [{ url: urls.ok }, { url: unreachable.url, connectTimeout: 150 }],
        transactionType: 'AbsoluteMajority',
      });
      const result = await simulator.send(fusionAuthSample('user.delete'));
      expect(result).toMatchObject(rolledBack);
      expect(result.attempts[1]).toMatchObject({ ok: false, error: 'connect timeout after 150 ms' });
    } finally {
      await unreachable.close();
    }
  });

  it('success is 200–299 exactly', async () => {
    const statuses = [200, 204, 299, 300, 302, 400, 401, 503];
    const server = await startServer((request) => ({
      status: Number(new URL(request.url, 'http://x').searchParams.get('s')),
      body: '',
    }));
    try {
      const simulator = new FusionAuthSimulator({
        webhooks: statuses.map((status) => ({ url: `${server.url}?s=${status}` })),
        transactionType: 'Any',
      });
      const { attempts } = await simulator.send(fusionAuthSample('user.create'));
      const firsts = attempts.filter((attempt) => attempt.attempt === 1);
      expect(firsts.map((attempt) => [attempt.status, attempt.ok])).toEqual(
        statuses.map((status) => [status, status >= 200 && status <= 299]),
      );
    } finally {
      await server.close();
    }
  });

  it('a non-transactional event type never affects the operation, whatever the level, and is not retried', async () => {
    const simulator = new FusionAuthSimulator({
      webhooks: webhooks(['fail', 'closed']),
      transactionType: 'AbsoluteMajority',
    });
    for (const type of ['user.email.update', 'user.create.complete', 'user.password.update'] as const) {
      const result = await simulator.send(fusionAuthSample(type));
      expect(result).toMatchObject({
        committed: true,
        apiStatus: 200,
        transactionType: 'None',
        transactional: false,
      });
      expect(result.attempts).toHaveLength(2);
    }
  });

  it('with no webhook for the event nothing can fail', async () => {
    const simulator = new FusionAuthSimulator({ webhooks: [], transactionType: 'AbsoluteMajority' });
    expect(await simulator.send(fusionAuthSample('user.create'))).toMatchObject({
      committed: true,
      webhooks: 0,
      attempts: [],
    });
  });
});

describe('FusionAuthSimulator: retries after a commit', () => {
  it('re-sends to a failed webhook up to 3 more times, back to back, and stops at its first success', async () => {
    const flaky = await startServer((_request, index) => ({ status: index < 2 ? 503 : 200 }));
    const alwaysFailing = await startServer(() => ({ status: 500 }));
    try {
      const event = fusionAuthSample('user.registration.create');
      // Only this event enabled: its *.complete (sent after the commit) would add requests of its own.
      const eventsEnabled = { 'user.registration.create': true };
      const simulator = new FusionAuthSimulator({
        webhooks: [urls.ok, flaky.url, alwaysFailing.url].map((url) => ({ url, eventsEnabled })),
        transactionType: 'Any',
      });
      const result = await simulator.send(event);
      expect(result.committed).toBe(true);
      expect(result.attempts.map(({ url, attempt, status }) => [url, attempt, status])).toEqual([
        [urls.ok, 1, 200],
        [flaky.url, 1, 503],
        [flaky.url, 2, 503],
        [flaky.url, 3, 200],
        [alwaysFailing.url, 1, 500],
        [alwaysFailing.url, 2, 500],
        [alwaysFailing.url, 3, 500],
        [alwaysFailing.url, 4, 500],
      ]);
      // Every retry carries the same event: the receiver sees the same id again (dedupe on event.id).
      const ids = [...flaky.requests, ...alwaysFailing.requests].map(
        (request) => JSON.parse(request.body.toString()).event.id,
      );
      expect(new Set(ids)).toEqual(new Set([event.id]));
    } finally {
      await Promise.all([flaky.close(), alwaysFailing.close()]);
    }
  });

  it('an unmet level fails the operation and retries nothing', async () => {
    const failing = await startServer(() => ({ status: 500 }));
    try {
      const simulator = new FusionAuthSimulator({
        webhooks: [{ url: urls.ok }, { url: failing.url }],
        transactionType: 'AbsoluteMajority',
      });
      const result = await simulator.send(fusionAuthSample('user.delete'));
      expect(result).toMatchObject(rolledBack);
      expect(failing.requests).toHaveLength(1);
    } finally {
      await failing.close();
    }
  });
});

describe('FusionAuthSimulator: which webhooks get the event', () => {
  it('only webhooks with the event enabled, covering the tenant (instance events pass)', async () => {
    const event = fusionAuthSample('user.create', { tenantId: 'tenant-a' });
    const simulator = new FusionAuthSimulator({
      webhooks: [
        { url: `${urls.ok}?n=1`, eventsEnabled: { 'user.create': true } },
        { url: `${urls.ok}?n=2`, eventsEnabled: { 'user.create': false, 'user.delete': true } },
        { url: `${urls.ok}?n=3`, tenantIds: ['tenant-b'] },
        { url: `${urls.ok}?n=4`, tenantIds: ['tenant-a'] },
        { url: `${urls.ok}?n=5`, global: true, tenantIds: [] },
        { url: `${urls.ok}?n=6` },
        { url: `${urls.ok}?n=7`, global: false },
      ],
    });
    const result = await simulator.send(event);
    expect(result.attempts.map((attempt) => new URL(attempt.url).searchParams.get('n'))).toEqual([
      '1',
      '4',
      '5',
      '6',
    ]);
    expect(result.skipped).toEqual([
      {
        url: `${urls.ok}?n=2`,
        webhookId: undefined,
        reason: 'user.create is not enabled on the webhook (eventsEnabled)',
      },
      {
        url: `${urls.ok}?n=3`,
        webhookId: undefined,
        reason: 'the webhook does not cover tenant tenant-a (tenantIds, global)',
      },
      {
        url: `${urls.ok}?n=7`,
        webhookId: undefined,
        reason: 'global is false and no tenantIds are given: FusionAuth does not use this webhook',
      },
    ]);
    const system = await simulator.send(fusionAuthSample('kickstart.success'));
    // Instance events ignore tenants; the two webhooks whose eventsEnabled leave it out still skip it.
    expect(system.attempts.map((attempt) => new URL(attempt.url).searchParams.get('n'))).toEqual([
      '3',
      '4',
      '5',
      '6',
    ]);
  });

  it("the tenant's settings: an event not enabled there goes nowhere; its transactionType wins", async () => {
    const simulator = new FusionAuthSimulator({
      webhooks: [{ url: urls.fail }],
      transactionType: 'None',
      tenant: {
        eventConfiguration: { events: { 'user.delete': { enabled: true, transactionType: 'Any' } } },
      },
    });
    expect(await simulator.send(fusionAuthSample('user.delete'))).toMatchObject({
      transactionType: 'Any',
      ...rolledBack,
    });
    const notEnabled = await simulator.send(fusionAuthSample('user.create'));
    expect(notEnabled).toMatchObject({ committed: true, webhooks: 0, attempts: [] });
    expect(notEnabled.skipped[0]?.reason).toBe('user.create is not enabled for the tenant');
  });

  it('per-event transaction types, with a default', async () => {
    const simulator = new FusionAuthSimulator({
      webhooks: [{ url: urls.fail }],
      transactionType: { default: 'Any', 'user.login.success': 'None' },
    });
    expect((await simulator.send(fusionAuthSample('user.create'))).committed).toBe(false);
    expect(await simulator.send(fusionAuthSample('user.login.success'))).toMatchObject({
      committed: true,
      transactionType: 'None',
    });
  });

  it('accepts Webhook API bodies ({ webhook }) as pasted', async () => {
    const simulator = new FusionAuthSimulator({ webhooks: [{ webhook: { id: 'w1', url: urls.ok } }] });
    const { attempts } = await simulator.send(fusionAuthSample('user.create'));
    expect(attempts[0]).toMatchObject({ webhookId: 'w1', ok: true });
  });
});

describe('FusionAuthSimulator: requests as FusionAuth makes them', () => {
  it('headers, Basic credentials and signatures reach a real receiver that checks them', async () => {
    const keys = await createTestKeys('RS256');
    const jwks = await serveJwks(keys);
    const handled: string[] = [];
    const receiver = (options: Parameters<typeof fusionReceiver>[0]) =>
      fusionReceiver({ ...options, logger: silentLogger }).on('user.create', (event) => {
        handled.push(event.id);
      });
    const apps = [
      receiver({ authorization: 'header-key' }),
      receiver({ headers: { 'x-webhook-key': 'custom' } }),
      receiver({ basicAuth: { username: 'fusionauth', password: 'pw' } }),
      receiver({ signature: { jwksUrl: jwks.url } }),
    ];
    const running = await Promise.all(apps.map(listen));
    try {
      const [authorization, custom, basic, signed] = running.map((server) => server.url) as [
        string,
        string,
        string,
        string,
      ];
      const webhooks: FusionAuthWebhook[] = [
        { url: authorization, headers: { Authorization: 'header-key' } },
        { url: custom, headers: { 'X-Webhook-Key': 'custom' } },
        { url: basic, httpAuthenticationUsername: 'fusionauth', httpAuthenticationPassword: 'pw' },
        { url: signed, signatureConfiguration: { enabled: true, signingKeyId: 'key-master-id' } },
      ];
      const simulator = new FusionAuthSimulator({
        webhooks,
        transactionType: 'AbsoluteMajority',
        signingKeys: { 'key-master-id': keys },
      });
      const event = fusionAuthSample('user.create');
      const result = await simulator.send(event);
      expect(result.attempts.map((attempt) => attempt.status)).toEqual([200, 200, 200, 200]);
      expect(result.committed).toBe(true);
      expect(handled).toEqual([event.id, event.id, event.id, event.id]);

      const wrongKey = new FusionAuthSimulator({
        webhooks: [webhooks[3] as FusionAuthWebhook],
        transactionType: 'Any',
        signingKeys: { 'key-master-id': await createTestKeys('RS256', { kid: keys.kid }) },
      });
      expect(await wrongKey.send(fusionAuthSample('user.create'))).toMatchObject({
        attempts: [{ status: 401 }],
        ...rolledBack,
      });
    } finally {
      await Promise.all([...running.map((server) => server.close()), jwks.close()]);
    }
  });

  it('refuses configurations FusionAuth would not send, saying what to fix', () => {
    expect(
      () =>
        new FusionAuthSimulator({
          webhooks: [{ url: urls.ok, signatureConfiguration: { enabled: true, signingKeyId: 'k' } }],
        }),
    ).toThrow(/signs its events with key k; give the simulator that key: signingKeys/);
    expect(() => new FusionAuthSimulator({ webhooks: [{ url: urls.ok, readTimeout: 0 }] })).toThrow(
      /readTimeout/,
    );
    expect(
      () => new FusionAuthSimulator({ webhooks: [{ url: urls.ok, httpAuthenticationUsername: 'u' }] }),
    ).toThrow(/set both/);
    expect(
      () =>
        new FusionAuthSimulator({
          webhooks: [
            {
              url: urls.ok,
              headers: { authorization: 'x' },
              httpAuthenticationUsername: 'u',
              httpAuthenticationPassword: 'p',
            },
          ],
        }),
    ).toThrow(/keep one/);
    expect(() => new FusionAuthSimulator({ webhooks: [], transactionType: 'All' as never })).toThrow(
      /AbsoluteMajority/,
    );
    expect(
      () => new FusionAuthSimulator({ webhooks: [], transactionType: { 'user.email.update': 'Any' } }),
    ).toThrow(/not transactional/);
    expect(() => new FusionAuthSimulator({ webhooks: [{} as never] })).toThrow(/needs a url/);
  });
});

async function listen(receiver: ReturnType<typeof fusionReceiver>) {
  const server = http.createServer(nodeHandler(receiver));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/fusionauth-webhook`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('FusionAuthSimulator: after the commit, and FusionAuth failing itself', () => {
  const kinds = (result: { attempts: readonly { url: string }[] }) =>
    result.attempts.map((attempt) => new URL(attempt.url).searchParams.get('webhook'));

  it('fires the *.complete event after a commit, to the webhooks that have it, with a new id and the same user', async () => {
    const recorder = await startServer(() => ({ status: 200 }));
    try {
      const simulator = new FusionAuthSimulator({
        transactionType: 'Any',
        webhooks: [
          {
            url: `${recorder.url}?webhook=both`,
            eventsEnabled: { 'user.create': true, 'user.create.complete': true },
          },
          { url: `${recorder.url}?webhook=create`, eventsEnabled: { 'user.create': true } },
        ],
      });
      const event = fusionAuthSample('user.create');
      let decidedBeforeComplete: boolean | undefined;
      const result = await simulator.send(event, {
        onDecision: ({ committed }) => {
          decidedBeforeComplete = committed && recorder.requests.length === 2; // both copies, no *.complete yet
        },
      });
      expect(decidedBeforeComplete).toBe(true);
      expect([result.committed, result.complete?.webhooks, result.complete?.delivered]).toEqual([true, 1, 1]);
      const complete = result.complete?.event as { type: string; id: string; user: { id: string } };
      expect(complete.type).toBe('user.create.complete');
      expect(complete.id).not.toBe(event.id);
      expect(complete.user.id).toBe(event.user.id);
      const sent = recorder.requests.map((request) => JSON.parse(request.body.toString()).event.type);
      expect(sent.sort()).toEqual(['user.create', 'user.create', 'user.create.complete']);
    } finally {
      await recorder.close();
    }
  });

  it('a *.complete delivery that keeps failing is retried 3 times, then lost; completeEventRetries changes that', async () => {
    const event = fusionAuthSample('user.registration.create');
    const result = await new FusionAuthSimulator({ webhooks: webhooks(['fail']) }).send(event);
    expect(result.complete?.attempts.map((attempt) => attempt.attempt)).toEqual([1, 2, 3, 4]);
    expect(result.complete?.delivered).toBe(0);
    const once = await new FusionAuthSimulator({
      webhooks: webhooks(['fail']),
      completeEventRetries: 0,
    }).send(event);
    expect(once.complete?.attempts).toHaveLength(1);
  });

  it('no *.complete after a rollback, nor for types without one', async () => {
    const rolled = await new FusionAuthSimulator({
      webhooks: webhooks(['fail']),
      transactionType: 'Any',
    }).send(fusionAuthSample('user.create'));
    expect([rolled.committed, rolled.complete]).toEqual([false, undefined]);
    const login = await new FusionAuthSimulator({ webhooks: webhooks(['ok']) }).send(
      fusionAuthSample('user.login.success'),
    );
    expect(login.complete).toBeUndefined();
  });

  it('failAfterWebhooks: every webhook said 2xx, FusionAuth fails itself: rolled back, 500, no retry, no *.complete', async () => {
    const simulator = new FusionAuthSimulator({ webhooks: webhooks(['ok', 'fail']), transactionType: 'Any' });
    const decisions: boolean[] = [];
    const result = await simulator.send(fusionAuthSample('user.create'), {
      failAfterWebhooks: true,
      onDecision: ({ committed }) => void decisions.push(committed),
    });
    expect([result.committed, result.apiStatus, result.complete]).toEqual([false, 500, undefined]);
    expect(decisions).toEqual([false]);
    expect(kinds(result)).toEqual(['0', '1']);
  });

  it('several webhooks at the same URL each get their own copy, at once', async () => {
    let inFlight = 0;
    let most = 0;
    const same = await startServer(() => {
      inFlight++;
      most = Math.max(most, inFlight);
      setTimeout(() => inFlight--, 100);
      return { status: 200, delayMs: 100 };
    });
    try {
      const simulator = new FusionAuthSimulator({
        webhooks: [
          { url: same.url, eventsEnabled: { 'user.delete': true } },
          { url: same.url, eventsEnabled: { 'user.delete': true } },
        ],
        transactionType: 'AbsoluteMajority',
      });
      const result = await simulator.send(fusionAuthSample('user.delete'));
      expect([result.committed, result.webhooks, same.requests.length, most]).toEqual([true, 2, 2, 2]);
    } finally {
      await same.close();
    }
  });
});
