import type { IdempotencyStore, PendingStore, Reservation } from '@authhooks/core';
import { scriptRunner } from './client.js';
import { type RedisStoreOptions, resolveOptions } from './options.js';
import { redisPendingStore } from './pending.js';
import { completeScript, releaseScript, reserveScript } from './scripts.js';
import { message, redisSettledHub } from './settled.js';

const reservations: ReadonlySet<string> = new Set<Reservation>(['reserved', 'duplicate', 'in_progress']);

/**
 * An idempotency store in Redis, shared by every receiver instance that uses the same Redis and prefix;
 * it also keeps the pending operations of commit-aware handlers (`onCommit`/`onRollback`).
 * Each transition is one Lua script, so it is atomic however many instances race for one event.
 */
export function redisStore(options: RedisStoreOptions): IdempotencyStore & PendingStore {
  const { prefix, ttlMs, leaseMs, onStoreError } = resolveOptions(options);
  const redis = scriptRunner(options.client);
  const ttl = String(ttlMs);
  const lease = String(leaseMs);
  const hub = redisSettledHub(options.client, redis, prefix);
  const pending = redisPendingStore(redis, prefix, ttlMs);

  return {
    ...pending,
    ...(onStoreError !== undefined && { onStoreError }),
    leaseMs,
    async reserve(key, token) {
      const reply = String(await redis.run(reserveScript, prefix + key, [token, lease]));
      if (!reservations.has(reply)) {
        throw new Error(`authhooks: unexpected reply from the Redis reserve script: ${reply.slice(0, 40)}`);
      }
      return reply as Reservation;
    },
    async complete(key) {
      await redis.run(completeScript, prefix + key, [ttl, hub.channel, message(key, { state: 'handled' })]);
    },
    async release(key, token, verdict) {
      const released = message(key, { state: 'released', verdict });
      await redis.run(releaseScript, prefix + key, [token, hub.channel, released]);
    },
    settled: (key, signal) => hub.wait(key, signal),
  };
}
