import { script } from './scripts.js';

// One hash per operation (`op`, `state`, `due`, the claim's `token` and `until`), a sorted set of the
// pending ones by due time, and one sorted set per match key. Every key carries the same hash tag, so
// the scripts run on one Cluster node; each script reaches only keys under ARGV's operation prefix.

/**
 * KEYS: op hash, due set, match set. ARGV: op JSON, due, order, id, ttl of the records, match. A known
 * pending one only moves its due time later.
 */
export const addPendingScript = script(
  'addPending',
  `if redis.call('EXISTS', KEYS[1]) == 1 then
  if redis.call('HGET', KEYS[1], 'state') == 'pending' and tonumber(redis.call('HGET', KEYS[1], 'due')) < tonumber(ARGV[2]) then
    redis.call('HSET', KEYS[1], 'due', ARGV[2])
    redis.call('ZADD', KEYS[2], ARGV[2], ARGV[4])
  end
  return 0
end
redis.call('HSET', KEYS[1], 'op', ARGV[1], 'state', 'pending', 'due', ARGV[2], 'token', '', 'until', '0', 'match', ARGV[6])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[4])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[4])
redis.call('PEXPIRE', KEYS[3], ARGV[5])
return 1`,
);

/** KEYS: match set. ARGV: now, token, lease, op key prefix. The oldest undecided-or-rolled-back free one. */
export const claimMatchScript = script(
  'claimMatch',
  `local now = tonumber(ARGV[1])
for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  local key = ARGV[4] .. id
  local state = redis.call('HGET', key, 'state')
  if not state then
    redis.call('ZREM', KEYS[1], id)
  elseif state ~= 'committed' and tonumber(redis.call('HGET', key, 'until')) <= now then
    redis.call('HSET', key, 'token', ARGV[2], 'until', now + tonumber(ARGV[3]))
    return {redis.call('HGET', key, 'op'), state}
  end
end
return false`,
);

/** KEYS: due set. ARGV: now, token, lease, op key prefix, limit. Pending ones due by now, free, claimed. */
export const claimDueScript = script(
  'claimDue',
  `local now = tonumber(ARGV[1])
local limit = tonumber(ARGV[5])
local out = {}
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, limit * 4)) do
  if #out >= limit * 2 then break end
  local key = ARGV[4] .. id
  local state = redis.call('HGET', key, 'state')
  if state ~= 'pending' then
    redis.call('ZREM', KEYS[1], id)
  elseif tonumber(redis.call('HGET', key, 'until')) <= now then
    redis.call('HSET', key, 'token', ARGV[2], 'until', now + tonumber(ARGV[3]))
    table.insert(out, redis.call('HGET', key, 'op'))
    table.insert(out, state)
  end
end
return out`,
);

/**
 * KEYS: op hash, due set. ARGV: token, state, keep ms, id, match key prefix. Only the claim's holder
 * decides; a committed operation leaves its match set and drops its event (it is never handed out
 * again; the record only keeps a late copy from recording it anew). A rolled-back one keeps both for a
 * late *.complete.
 */
export const decideScript = script(
  'decide',
  `if redis.call('HGET', KEYS[1], 'token') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'state', ARGV[2], 'token', '', 'until', '0')
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('ZREM', KEYS[2], ARGV[4])
if ARGV[2] == 'committed' then
  redis.call('ZREM', ARGV[5] .. redis.call('HGET', KEYS[1], 'match'), ARGV[4])
  redis.call('HDEL', KEYS[1], 'op')
end
return 1`,
);

/** KEYS: op hash, due set. ARGV: token, retry at, id. Unclaims; a pending one is due again at retry. */
export const retryScript = script(
  'retry',
  `if redis.call('HGET', KEYS[1], 'token') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'token', '', 'until', '0', 'due', ARGV[2])
if redis.call('HGET', KEYS[1], 'state') == 'pending' then redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3]) end
return 1`,
);

/** KEYS: op hash, due set. ARGV: now, due, id. A pending, unclaimed one is due at `due`. */
export const rescheduleScript = script(
  'reschedule',
  `if redis.call('HGET', KEYS[1], 'state') ~= 'pending' then return 0 end
if tonumber(redis.call('HGET', KEYS[1], 'until')) > tonumber(ARGV[1]) then return 0 end
redis.call('HSET', KEYS[1], 'due', ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
return 1`,
);
