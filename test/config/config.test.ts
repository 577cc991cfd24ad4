import { loadConfig } from '../../src/config/config';
import { configErrorOf as errorOf } from '../support/config-error';
import { hexKey } from '../support/test-app';

describe('configuration', () => {
  it('when nothing is set, then demo mode on port 3000 with OWASP argon2 costs', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      redisUrl: undefined,
      oprfSecretKey: undefined,
      redisKeyPrefix: 'xc:',
      newProfileArgon2: { memoryKiB: 19456, iterations: 2, parallelism: 1 },
    });
  });

  it.each([
    [{ CHECK_MAX_RUNNING: '1' }, { maxRunning: 1, maxWaiting: 1 }],
    [{ CHECK_MAX_RUNNING: '2' }, { maxRunning: 2, maxWaiting: 1 }],
    [{ CHECK_MAX_RUNNING: '3' }, { maxRunning: 3, maxWaiting: 2 }],
    [{ CHECK_MAX_RUNNING: '8' }, { maxRunning: 8, maxWaiting: 4 }],
    [{ CHECK_MAX_RUNNING: '2', CHECK_MAX_WAITING: '0' }, { maxRunning: 2, maxWaiting: 0 }],
    [{ CHECK_MAX_RUNNING: '2', CHECK_MAX_WAITING: '6' }, { maxRunning: 2, maxWaiting: 6 }],
  ])('when the check queue is set to %p, then it runs and holds %p (waiting: half the running, rounded up, unless set)', (env, limits) => {
    expect(loadConfig(env).checkQueue).toEqual(limits);
  });

  it.each([
    [{}, { maxRunning: 1, maxWaiting: 4 }],
    [{ PASSWORD_HASH_MAX_RUNNING: '2', PASSWORD_HASH_MAX_WAITING: '0' }, { maxRunning: 2, maxWaiting: 0 }],
  ])('when the password queue is set to %p, then it runs and holds %p (one running, four waiting, unless set)', (env, limits) => {
    expect(loadConfig(env).staffAuth.passwordQueue).toEqual(limits);
  });

  it.each([
    [{}, 'Asia/Tokyo'],
    [{ TIME_ZONE: 'Europe/Berlin' }, 'Europe/Berlin'],
    [{ TIME_ZONE: ' utc ' }, 'UTC'],
    [{ TIME_ZONE: 'asia/tokyo' }, 'Asia/Tokyo'],
  ])('when TIME_ZONE is %j, then statistics and consoles use %s (Japan unless set; the canonical name)', (env, zone) => {
    expect(loadConfig(env).timeZone).toBe(zone);
  });

  it('when Redis and a key are set, then both are used', () => {
    const key = hexKey();
    const config = loadConfig({ REDIS_URL: 'redis://localhost:6379', OPRF_SECRET_KEY: key, PORT: '8080' });
    expect(config.redisUrl).toBe('redis://localhost:6379');
    expect(Buffer.from(config.oprfSecretKey!).toString('hex')).toBe(key);
    expect(config.port).toBe(8080);
  });

  it.each([
    [{ REDIS_URL: 'redis://localhost:6379' }, /OPRF_SECRET_KEY is required when REDIS_URL is set/],
    [{ PORT: 'eighty' }, /PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT must be at most 65535/],
    [{ REDIS_URL: 'http://localhost' }, /REDIS_URL must be a redis:\/\//],
    [{ OPRF_SECRET_KEY: 'abc' }, /OPRF_SECRET_KEY must be 64 hexadecimal/],
    [{ ADMIN_API_TOKEN: 'short' }, /ADMIN_API_TOKEN must be at least 32/],
    [{ ARGON2_MEMORY_KIB: '1024' }, /ARGON2_MEMORY_KIB must be at least 8192/],
    [{ REDIS_KEY_PREFIX: '{x}' }, /REDIS_KEY_PREFIX may hold only/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ PASSWORD_HASH_MAX_RUNNING: '0' }, /PASSWORD_HASH_MAX_RUNNING must be at least 1/],
    [{ PASSWORD_HASH_MAX_WAITING: 'few' }, /PASSWORD_HASH_MAX_WAITING must be a whole number/],
    [{ TIME_ZONE: 'Japan/Standard' }, /TIME_ZONE must be an IANA time zone name/],
    [{ TIME_ZONE: 'JST+9' }, /TIME_ZONE must be an IANA time zone name/],
  ])('when given %j, then start stops with a message naming the variable', (env, expected) => {
    expect(errorOf(env)).toMatch(expected);
  });

  it('when the key is invalid, then the message does not repeat it', () => {
    const badKey = 'ff'.repeat(32);
    expect(errorOf({ OPRF_SECRET_KEY: badKey })).not.toContain(badKey);
  });
});
