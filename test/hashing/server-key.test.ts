import pino from 'pino';
import { ConfigError } from '../../src/errors/config-error';
import { openService } from '../../src/service';
import { hexKey, startTestService, testConfig } from '../support/test-app';
import { newTestRedis, sharedStoreEnv, uniquePrefix } from '../support/test-redis';

describe('server key binding', () => {
  it('when a store written with one key is opened with another, then start is refused with a clear message', async () => {
    const prefix = uniquePrefix('key');
    const first = await startTestService({ store: 'shared', prefix, key: hexKey(), seed: true });
    await first.close();

    const config = testConfig({ ...sharedStoreEnv(), REDIS_KEY_PREFIX: prefix, OPRF_SECRET_KEY: hexKey() });
    const attempt = openService(config, { logger: pino({ level: 'silent' }) });
    await expect(attempt).rejects.toThrow(ConfigError);
    await expect(attempt).rejects.toThrow(/OPRF_SECRET_KEY does not match/);
  });

  it('when reopened with the same key, then the same profile is kept and the data still answers', async () => {
    const prefix = uniquePrefix('key');
    const key = hexKey();
    const first = await startTestService({ store: 'shared', prefix, key, seed: true });
    const profileId = first.runtime.hashing.profile.id;
    await first.close();

    const again = await startTestService({ store: 'shared', prefix, key, env: { ARGON2_ITERATIONS: '3' } });
    try {
      expect(again.runtime.hashing.profile.id).toBe(profileId);
      expect(again.runtime.hashing.profile.iterations).toBe(2);
      expect((await again.runtime.check.service.check('taro.yamada@example.jp')).affected).toBe(true);
    } finally {
      await again.close();
    }
  });

  it('when a fresh store is opened with custom argon2 costs, then the new profile uses them', async () => {
    const service = await startTestService({
      store: 'shared',
      env: { ARGON2_MEMORY_KIB: '8192', ARGON2_ITERATIONS: '3', ARGON2_PARALLELISM: '2' },
    });
    try {
      expect(service.runtime.hashing.profile).toMatchObject({ memoryKiB: 8192, iterations: 3, parallelism: 2 });
      const redis = newTestRedis();
      expect(await redis.get(`${service.config.redisKeyPrefix}hashing:key-check`)).toMatch(/^[0-9a-f]{32}$/);
      redis.disconnect();
    } finally {
      await service.close();
    }
  });
});
