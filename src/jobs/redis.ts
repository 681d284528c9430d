import IORedis, { Redis, RedisOptions } from 'ioredis';

/**
 * A Redis connection for BullMQ. `forWorker` connections wait for Redis forever (BullMQ requires it);
 * API-side ones give up on a command after one retry; callers bound their waits (see `withTimeout`).
 */
export function createRedis(url: string, forWorker: boolean): Redis {
  const options: RedisOptions = forWorker
    ? { maxRetriesPerRequest: null, enableReadyCheck: true }
    : { maxRetriesPerRequest: 1, connectTimeout: 2_000 };
  return new IORedis(url, {
    ...options,
    lazyConnect: false,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
}

/** Rejects when `promise` has not settled within `ms`: nothing on the request path waits long for Redis. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
