import Redis from 'ioredis';

/**
 * A client tuned to fail fast: with Redis gone, a check must become a 503 within moments,
 * not wait in an offline queue while the customer stares at a spinner.
 */
export async function connectRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 2_000,
    connectTimeout: 5_000,
    // Keep reconnecting in the background so the service recovers on its own when Redis returns.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  // Without a listener ioredis prints every reconnect failure; readiness reports the state instead.
  redis.on('error', () => undefined);
  await redis.connect();
  return redis;
}
