// Every attack of attack-cases.ts against every adapter over real HTTP (sources and built packages):
// the answer the outcome table requires, never a 2xx without valid credentials, no secret and no
// stack trace in the answer or the logs, no crash, and the server still serves a genuine delivery.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapters, type Running } from '../helpers/adapters.js';
import { captureLogger } from '../support/capture-logger.js';
import { type Answer, exchange } from '../support/exchange.js';
import { leaksIn } from '../support/leaks.js';
import { inOutcomeTable, isSuccess } from '../support/outcome-table.js';
import { watchUnhandled } from '../support/unhandled.js';
import { type AttackCase, attackCases } from './attack-cases.js';
import { genuine, type MountName, mountNames, mountOptions, secrets } from './attack-mounts.js';

interface Mounted {
  readonly server: Running;
  readonly logger: ReturnType<typeof captureLogger>;
}

describe.each(adapters)('attack matrix: $name', (adapter) => {
  const unhandled = watchUnhandled();
  const mounted = new Map<MountName, Mounted>();

  beforeAll(async () => {
    for (const mount of mountNames) {
      const logger = captureLogger();
      const server = await adapter.start({ ...mountOptions[mount], logger }, (routes) =>
        routes.on('user.delete', () => {}),
      );
      mounted.set(mount, { server, logger });
    }
  });
  afterAll(async () => {
    for (const { server } of mounted.values()) await server.close();
  });

  it.each(attackCases)('$mount: $name', async (attack) => {
    const { server, logger } = mounted.get(attack.mount) as Mounted;
    const logged = logger.lines.length;
    const answer = await exchange(server.url, attack.request());
    expect(leaksIn(JSON.stringify(logger.lines.slice(logged)), secrets)).toEqual([]);
    if (!attack.authentic) expect(isSuccess(answer.status)).toBe(false);
    if (attack.parserAnswers && !adapter.readsBody) {
      expect(answer.status).toBeGreaterThanOrEqual(400);
    } else {
      expectTableAnswer(attack, answer);
    }
    const after = await exchange(server.url, genuine(attack.mount));
    expect([after.status, JSON.parse(after.body).outcome]).toEqual([200, 'handled']);
    expect(unhandled).toEqual([]);
  });
});

function expectTableAnswer(attack: AttackCase, answer: Answer): void {
  expect({ status: answer.status, body: answer.body }).toMatchObject({ status: attack.status });
  expect(answer.headers['content-type']).toMatch(/^application\/json/);
  const json = JSON.parse(answer.body) as { outcome?: unknown; error?: unknown };
  expect(json.outcome).toBe(attack.outcome);
  expect(inOutcomeTable(answer.status, json.outcome)).toBe(true);
  for (const [name, value] of Object.entries(attack.headers ?? {})) expect(answer.headers[name]).toBe(value);
  expect(leaksIn(answer.raw, secrets)).toEqual([]);
}
