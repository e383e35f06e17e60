/**
 * Random FusionAuth scenarios for the consistency test and its benchmark: a transaction policy, 1–5
 * webhooks at the app plus 0–3 elsewhere that succeed, fail or time out, and 1–3 user creations, each
 * with a handler that is fast, slow past the deadline or past FusionAuth's read timeout (honouring
 * ctx.signal or not), maybe vetoed, maybe failed by FusionAuth itself after every webhook answered, and
 * maybe with every delivery of its `*.complete` lost.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  FusionAuthSimulator,
  type FusionAuthWebhook,
  fusionAuthSample,
  type TransactionType,
} from '@authhooks/testing';
import fc from 'fast-check';
import { authorization, type Behaviour, type ReferenceApp } from './reference-app.js';

/** How long after the window the commit-aware app may take to decide every operation. */
const settleLimitMs = 20_000;

export const timing = {
  /** FusionAuth's read timeout for every webhook in the scenarios. */
  readTimeoutMs: 300,
  /** The app's deadline, below the read timeout. */
  timeoutMs: 250,
  /** How long the app waits for a `*.complete` before asking `confirm`. */
  windowMs: 800,
} as const;

const latencies = [0, 60, 270, 420] as const; // fast, slower, past the deadline, past the read timeout
export type Other = 'ok' | 'fail' | 'slow';

export interface Operation {
  readonly behaviour: Behaviour;
  readonly failAfterWebhooks: boolean;
}

export interface Scenario {
  readonly policy: TransactionType;
  /** Webhooks of the tenant that point at the app (several webhooks at one URL). */
  readonly copies: number;
  readonly others: readonly Other[];
  readonly operations: readonly Operation[];
  /** Redeploy the app (new receiver instances over the same stores) after this operation. */
  readonly restartAfter?: number | undefined;
}

const oneIn = (n: number) => fc.integer({ min: 1, max: n }).map((drawn) => drawn === 1);

export const scenarioArbitrary: fc.Arbitrary<Scenario> = fc.record({
  policy: fc.constantFrom<TransactionType>(
    'None',
    'Any',
    'SimpleMajority',
    'SuperMajority',
    'AbsoluteMajority',
  ),
  copies: fc.integer({ min: 1, max: 5 }),
  others: fc.array(fc.constantFrom<Other>('ok', 'fail', 'slow'), { maxLength: 3 }),
  operations: fc.array(
    fc.record({
      behaviour: fc.record({
        latencyMs: fc.constantFrom(...latencies),
        honoursSignal: fc.boolean(),
        veto: oneIn(4),
        loseComplete: oneIn(4),
      }),
      failAfterWebhooks: oneIn(5),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

/** The same, plus a redeploy after one of the operations (for apps whose stores survive it). */
export const restartingScenarioArbitrary: fc.Arbitrary<Scenario> = scenarioArbitrary.chain((scenario) =>
  fc
    .integer({ min: 0, max: scenario.operations.length - 1 })
    .map((restartAfter) => ({ ...scenario, restartAfter })),
);

/** The services the other webhooks point at: one that answers 200, one 500, one too slow. */
export interface Others {
  readonly urls: Readonly<Record<Other, string>>;
  close(): Promise<void>;
}

export async function startOthers(): Promise<Others> {
  const servers: http.Server[] = [];
  const start = async (status: number, delayMs: number) => {
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const timer = setTimeout(() => {
          if (!res.destroyed) res.writeHead(status).end();
        }, delayMs);
        res.on('close', () => clearTimeout(timer));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  };
  const urls = {
    ok: await start(200, 0),
    fail: await start(500, 0),
    slow: await start(200, timing.readTimeoutMs + 300),
  };
  return {
    urls,
    async close() {
      for (const server of servers) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}

export interface ScenarioResult {
  /** Users on which the app and FusionAuth disagree after the dust settled. */
  readonly divergent: readonly string[];
  /** Users whose inline handler, onCommit or onRollback ran more than once. */
  readonly repeated: readonly string[];
  /**
   * Of the divergent users, those whose `user.create` never reached the app (every attempt failed to
   * connect or was cut before the app answered, and FusionAuth does not retry): no receiver can act on
   * an event it never got; catching up from FusionAuth's Event Log is what recovers them.
   */
  readonly unseen: readonly string[];
  /** Each divergent or repeated user's trace (the app's notes and FusionAuth's decision). */
  readonly traces: Readonly<Record<string, readonly string[]>>;
}

/** FusionAuth's committed users, shared with the app's `confirm` (FusionAuth's API, in a real app). */
export type Truth = Set<string>;

/** Plays `scenario` against `app` with FusionAuth simulated over HTTP; resolves once everything settled. */
export async function runScenario(
  scenario: Scenario,
  app: ReferenceApp,
  others: Others,
  truth: Truth,
): Promise<ScenarioResult> {
  const common = { connectTimeout: 500, readTimeout: timing.readTimeoutMs };
  const webhooks: FusionAuthWebhook[] = [
    ...Array.from({ length: scenario.copies }, (_, i) => ({
      ...common,
      id: `app-${i}`,
      url: app.url,
      headers: { Authorization: authorization },
      eventsEnabled: { 'user.create': true, 'user.create.complete': true },
    })),
    ...scenario.others.map((other, i) => ({
      ...common,
      id: `other-${i}`,
      url: others.urls[other],
      eventsEnabled: { 'user.create': true },
    })),
  ];
  const simulator = new FusionAuthSimulator({ webhooks, transactionType: scenario.policy });
  const users: string[] = [];
  for (const operation of scenario.operations) {
    const userId = crypto.randomUUID();
    users.push(userId);
    app.behave(userId, operation.behaviour);
    const sent = await simulator.send(fusionAuthSample('user.create', { user: { id: userId } }), {
      failAfterWebhooks: operation.failAfterWebhooks,
      // FusionAuth's API shows the user from the moment it commits, before retries and *.complete.
      onDecision: ({ committed }) => {
        if (committed) truth.add(userId);
        app.note(userId, `FusionAuth decided: ${committed ? 'committed' : 'rolled back'}`);
      },
    });
    for (const attempt of sent.attempts) {
      if (attempt.webhookId?.startsWith('app-') !== true) continue;
      const answer = attempt.error ?? `answered ${attempt.status}`;
      app.note(
        userId,
        `FusionAuth's attempt ${attempt.attempt} to ${attempt.webhookId}: ${answer} in ${attempt.durationMs} ms`,
      );
    }
    if (scenario.restartAfter === users.length - 1) await app.restart();
  }
  // The dust settles: late handlers finish, windows pass, confirm and the sweeper decide. The
  // commit-aware app is compared once it decided every operation (under heavy load that takes longer
  // than the window; a fixed wait compared too early), or after settleLimitMs, which then counts.
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  await sleep(timing.windowMs + 300);
  if (app.flavour === 'commit-aware') {
    const decided = (id: string) => {
      const counted = app.effects.get(id);
      return counted !== undefined && counted.commit + counted.rollback > 0;
    };
    const limit = Date.now() + settleLimitMs;
    while (Date.now() < limit && !users.every(decided)) await sleep(50);
  }
  await sleep(400);
  const present = await app.users();
  const divergent = users.filter((id) => present.has(id) !== truth.has(id));
  const repeated = users.filter((id) => {
    const counted = app.effects.get(id);
    return counted !== undefined && (counted.inline > 1 || counted.commit > 1 || counted.rollback > 1);
  });
  const unseen = divergent.filter(
    (id) => !(app.trace.get(id) ?? []).some((line) => / user\.create answered /.test(line)),
  );
  const traces: Record<string, readonly string[]> = {};
  for (const id of new Set([...divergent, ...repeated])) {
    traces[id] = [
      ...(app.trace.get(id) ?? []),
      `then: FusionAuth ${truth.has(id) ? 'has' : 'has not'} the user, the app ${present.has(id) ? 'has' : 'has not'}`,
    ];
  }
  for (const id of users) app.trace.delete(id);
  return { divergent, repeated, unseen, traces };
}
