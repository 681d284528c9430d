import IORedis, { Redis, RedisOptions } from 'ioredis';

/**
 * A Redis connection for BullMQ. `forWorker` connections wait for Redis forever (BullMQ requires it);
 * API-side ones fail fast, so a request never hangs on a Redis that is down.
 */
export function createRedis(url: string, forWorker: boolean): Redis {
  const options: RedisOptions = forWorker
    ? { maxRetriesPerRequest: null, enableReadyCheck: true }
    : { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000 };
  return new IORedis(url, {
    ...options,
    lazyConnect: false,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
}
