import { loadConfig } from '../../src/config/config';
import { configErrorOf as errorOf } from '../support/config-error';
import { hexKey } from '../support/test-app';

describe('configuration', () => {
  it('when nothing is set, then demo mode on port 3000 with OWASP argon2 costs', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      redis: undefined,
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
    expect(config.redis).toEqual({ kind: 'single', url: 'redis://localhost:6379' });
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

  it('when a cluster is named, then its seeds, credentials, TLS and NAT map are used', () => {
    const config = loadConfig({
      REDIS_CLUSTER_NODES: 'redis-0.internal:6379, 10.0.0.12:6380,[fd00::7]:6379',
      REDIS_USERNAME: 'exposure-check',
      REDIS_PASSWORD: 'a long secret',
      REDIS_TLS: 'true',
      REDIS_CLUSTER_NAT_MAP: '172.18.0.2:6379=redis-0.internal:6379,172.18.0.3:6379=redis-1.internal:6379',
      OPRF_SECRET_KEY: hexKey(),
    });
    expect(config.redis).toEqual({
      kind: 'cluster',
      nodes: [
        { host: 'redis-0.internal', port: 6379 },
        { host: '10.0.0.12', port: 6380 },
        { host: 'fd00::7', port: 6379 },
      ],
      username: 'exposure-check',
      password: 'a long secret',
      tls: true,
      natMap: { '172.18.0.2:6379': { host: 'redis-0.internal', port: 6379 }, '172.18.0.3:6379': { host: 'redis-1.internal', port: 6379 } },
    });
    // Not demo mode: every interface, as with REDIS_URL.
    expect(config.host).toBeUndefined();
  });

  it.each([
    [{ REDIS_CLUSTER_NODES: 'a:1' }, /OPRF_SECRET_KEY is required when REDIS_CLUSTER_NODES is set/],
    [{ REDIS_URL: 'redis://a:1', REDIS_CLUSTER_NODES: 'a:1' }, /REDIS_URL \(one Redis\) or REDIS_CLUSTER_NODES \(a cluster\), not both/],
    [{ REDIS_URL: 'redis://a:1', REDIS_PASSWORD: 'x' }, /REDIS_PASSWORD go with REDIS_CLUSTER_NODES; with REDIS_URL, put the user, password and TLS/],
    [{ REDIS_TLS: 'true' }, /REDIS_TLS need REDIS_CLUSTER_NODES/],
    [{ REDIS_TLS: 'yes' }, /REDIS_TLS/],
    [{ REDIS_CLUSTER_NODES: 'a:1,b' }, /REDIS_CLUSTER_NODES must list host:port entries \("b" is not one\)/],
    [{ REDIS_CLUSTER_NODES: 'a:70000' }, /REDIS_CLUSTER_NODES must list host:port entries/],
    [{ REDIS_CLUSTER_NODES: 'a:1', REDIS_CLUSTER_NAT_MAP: 'a:1' }, /REDIS_CLUSTER_NAT_MAP must be announced-host:port=reachable-host:port pairs/],
  ])('when the store is given as %j, then start stops with a message naming the variable', (env, expected) => {
    expect(errorOf(env)).toMatch(expected);
  });

  it('when a cluster password is set, then no error message repeats it', () => {
    expect(errorOf({ REDIS_CLUSTER_NODES: 'a:1,b', REDIS_PASSWORD: 'hunter2-secret' })).not.toContain('hunter2-secret');
  });

  it('when the key is invalid, then the message does not repeat it', () => {
    const badKey = 'ff'.repeat(32);
    expect(errorOf({ OPRF_SECRET_KEY: badKey })).not.toContain(badKey);
  });
});
