import type { ConnectionOptions } from 'bullmq';

/** Where the queues live: the Redis server and the key prefix (one per deployment; tests use their own). */
export type BullmqSettings = { redisUrl: string; prefix: string };

/**
 * Reconnect delay after the `times`-th failed attempt: 100 ms, 200 ms, … capped at 500 ms, for ever. BullMQ's own
 * default grows to 20 s, so enqueues kept failing ~16 s after Redis was back (issue 15); a connection refused
 * locally costs next to nothing, so at most 2 attempts a second per connection while Redis is down.
 */
export const REDIS_RECONNECT_CAP_MS = 500;
export function redisRetryDelay(times: number): number {
  return Math.min(times * 100, REDIS_RECONNECT_CAP_MS);
}

/**
 * BullMQ connection options from REDIS_URL. Workers block on Redis and must retry for ever
 * (`maxRetriesPerRequest: null`); queues fail fast while Redis is down (`enableOfflineQueue: false`) so the API
 * never hangs on an enqueue — the outbox keeps the job. Both reconnect within `REDIS_RECONNECT_CAP_MS` of Redis
 * returning, so enqueues resume within a second.
 */
export function redisConnection(redisUrl: string, role: 'queue' | 'worker'): ConnectionOptions {
  const url = new URL(redisUrl);
  const db = url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0;
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    db,
    retryStrategy: redisRetryDelay,
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    ...(role === 'worker' ? { maxRetriesPerRequest: null } : { enableOfflineQueue: false, maxRetriesPerRequest: 1 }),
  };
}
