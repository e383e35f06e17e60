/**
 * A real `redis-server` for tests: each call to `startRedisServer()` runs its own server on a free port
 * of 127.0.0.1, without persistence, and stops it when the test process exits. `restart()` brings it
 * back on the same port, so clients that reconnect find it again (fault tests).
 *
 *   describeWithRedis('my store', () => {
 *     let redis: RedisServer;
 *     beforeAll(async () => { redis = await startRedisServer(); });
 *     afterAll(() => redis.stop());
 *     …
 *   });
 *
 * Without `redis-server` on the PATH (or at $REDIS_SERVER_BIN) the suite is skipped with a warning,
 * except under CI=true, where it fails: CI must run the Redis suites.
 */
import { describe, it } from 'vitest';
import { installHint, redisServerAvailable } from './redis-process.js';

export {
  type RedisServer,
  redisServerAvailable,
  redisServerBinary,
  startRedisServer,
} from './redis-process.js';

/**
 * `describe` for suites that need a real Redis. Without `redis-server`: skipped with a loud warning,
 * or under CI=true a failing test that names the install command.
 */
export function describeWithRedis(name: string, body: () => void): void {
  if (redisServerAvailable) {
    describe(name, body);
    return;
  }
  const message = `redis-server is not installed, so "${name}" cannot run. Install it: ${installHint}`;
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs redis-server (CI=true: the Redis suites must run)', () => {
        throw new Error(message);
      });
    });
    return;
  }
  console.warn(`\n⚠️  SKIPPED: ${message}\n`);
  describe.skip(name, body);
}
