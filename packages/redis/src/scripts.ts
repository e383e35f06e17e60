import { createHash } from 'node:crypto';

/** A Lua script and the SHA-1 that EVALSHA names it by. */
export interface Script {
  readonly name: string;
  readonly source: string;
  readonly sha: string;
  /**
   * Always sent whole (EVAL), never by its SHA: for a call whose reply may never be read (a release
   * sent after the client gave up on a stalled Redis), where a NOSCRIPT answer would go unnoticed and
   * the call would silently not run.
   */
  readonly bySource?: boolean;
}

export function script(name: string, source: string, bySource = false): Script {
  return {
    name,
    source,
    sha: createHash('sha1').update(source).digest('hex'),
    ...(bySource && { bySource }),
  };
}

/** The value of a handled key. A lease's value is `lease:<token>`, so the two never collide. */
export const handledMarker = 'handled';

/**
 * KEYS[1] the event key, ARGV[1] the attempt's token, ARGV[2] the lease in ms.
 * Free key → a lease holding the token; a handled key → duplicate; a live lease → in_progress.
 */
export const reserveScript = script(
  'reserve',
  `local held = redis.call('GET', KEYS[1])
if not held then
  redis.call('SET', KEYS[1], 'lease:' .. ARGV[1], 'PX', ARGV[2])
  return 'reserved'
end
if held == '${handledMarker}' then return 'duplicate' end
return 'in_progress'`,
);

/**
 * KEYS[1] the event key, ARGV[1] the TTL in ms, ARGV[2] the channel and ARGV[3] the message that tell
 * waiting copies. Handled, whoever holds the lease now; the message goes out in the same atomic step.
 */
export const completeScript = script(
  'complete',
  `redis.call('SET', KEYS[1], '${handledMarker}', 'PX', ARGV[1])
redis.call('PUBLISH', ARGV[2], ARGV[3])
return 1`,
);

/**
 * KEYS[1] the event key, ARGV[1] the attempt's token, ARGV[2] the channel, ARGV[3] the message. Deletes
 * only a lease holding this token: once the lease expired and another attempt reserved the key, a late
 * release leaves that one alone (and tells no one).
 */
export const releaseScript = script(
  'release',
  `if redis.call('GET', KEYS[1]) == 'lease:' .. ARGV[1] then
  redis.call('DEL', KEYS[1])
  redis.call('PUBLISH', ARGV[2], ARGV[3])
  return 1
end
return 0`,
  true,
);

/** KEYS[1] the event key. `free`, `handled` or `held`: what a waiting copy checks when it starts and now and then. */
export const stateScript = script(
  'state',
  `local held = redis.call('GET', KEYS[1])
if not held then return 'free' end
if held == '${handledMarker}' then return 'handled' end
return 'held'`,
);
