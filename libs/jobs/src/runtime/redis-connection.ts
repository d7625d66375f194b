import type { ConnectionOptions } from 'bullmq';

/** Where the queues live: the Redis server and the key prefix (one per deployment; tests use their own). */
export type BullmqSettings = { redisUrl: string; prefix: string };

/**
 * BullMQ connection options from REDIS_URL. Workers block on Redis and must retry for ever
 * (`maxRetriesPerRequest: null`); queues fail fast while Redis is down (`enableOfflineQueue: false`) so the API
 * never hangs on an enqueue — the outbox keeps the job.
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
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    ...(role === 'worker' ? { maxRetriesPerRequest: null } : { enableOfflineQueue: false, maxRetriesPerRequest: 1 }),
  };
}
