/**
 * Two receiver instances in separate processes sharing one Redis, as behind a load balancer: `a` uses
 * ioredis, `b` node-redis. Each runs fixtures/redis-receiver.mjs (see there what its handler records).
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { expectResolvedTarget, startTestProcess, type TestProcess } from '../support/test-process.js';

export const authorization = 'reliability-test-authorization';

export interface Instance {
  readonly name: string;
  readonly process: TestProcess;
  readonly url: string;
}

export interface InstanceSettings {
  readonly leaseMs: number;
  readonly timeoutMs: number;
  readonly handlerMs: number;
  /** Count handler runs in Redis (default true). */
  readonly countRuns?: boolean;
}

export async function startInstances(
  redisUrl: string,
  settings: InstanceSettings,
): Promise<{ a: Instance; b: Instance; prefix: string }> {
  const prefix = `reliability:${randomUUID()}:`;
  const start = async (name: string, library: 'ioredis' | 'node-redis'): Promise<Instance> => {
    const process = startTestProcess(new URL('./fixtures/redis-receiver.mjs', import.meta.url), {
      REDIS_URL: redisUrl,
      REDIS_LIBRARY: library,
      KEY_PREFIX: prefix,
      AUTHORIZATION: authorization,
      LEASE_MS: String(settings.leaseMs),
      TIMEOUT_MS: String(settings.timeoutMs),
      HANDLER_MS: String(settings.handlerMs),
      COUNT_RUNS: settings.countRuns === false ? 'off' : 'on',
    });
    const { ready } = (await process.next((m) => m.ready !== undefined)) as {
      ready: { port: number; resolved: Record<string, string> };
    };
    for (const url of Object.values(ready.resolved)) expectResolvedTarget(url);
    return { name, process, url: `http://127.0.0.1:${ready.port}/` };
  };
  const [a, b] = await Promise.all([start('a (ioredis)', 'ioredis'), start('b (node-redis)', 'node-redis')]);
  return { a, b, prefix };
}

export interface Answer {
  readonly status: number;
  readonly outcome: unknown;
}

/** One FusionAuth delivery of a `user.delete` event over real HTTP; a hang past `timeoutMs` fails. */
export async function deliver(
  instance: Instance,
  eventId: string,
  userId = 'user-1',
  timeoutMs = 10_000,
): Promise<Answer> {
  const response = await fetch(instance.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ event: { type: 'user.delete', id: eventId, user: { id: userId } } }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await response.json()) as { outcome?: unknown };
  return { status: response.status, outcome: body.outcome };
}

/** Both processes are still running (none crashed). */
export function expectAlive(...instances: Instance[]): void {
  for (const { name, process } of instances) {
    expect(process.child.exitCode, `${name} exited:\n${process.stderr()}`).toBeNull();
    expect(process.child.signalCode, `${name} was killed`).toBeNull();
  }
}
