import type Redis from 'ioredis';

/** CPU seconds the Redis server has used so far, user plus system (INFO cpu): also for a Redis of REDIS_URL, whose pid is not ours. */
export async function redisCpuSeconds(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const field = (name: string) => Number(new RegExp(`^${name}:([0-9.]+)`, 'm').exec(info)?.[1] ?? NaN);
  return field('used_cpu_user') + field('used_cpu_sys');
}
