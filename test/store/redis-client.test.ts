import { connectRedis } from '../../src/store';
import { freePort } from '../support/redis-server';
import { testRedisUrl } from '../support/test-redis';

/*
 * When the first connection fails, the start says why (what Redis or the network answered), not
 * only ioredis's "Connection is closed.": the operator reads it in "Failed to start: ...".
 */
describe('connectRedis when the store cannot be reached', () => {
  it('when nothing listens on the port, then the error names the refusal', async () => {
    await expect(connectRedis(`redis://127.0.0.1:${await freePort()}`)).rejects.toThrow(/^Connection is closed: connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
  });

  it('when the password is wrong, then the error says what Redis answered, and not the password', async () => {
    const url = new URL(testRedisUrl());
    url.username = 'nobody';
    url.password = 'the-wrong-secret';

    const failure = await connectRedis(url.href).then(
      () => undefined,
      (error: unknown) => error as Error,
    );

    expect(failure?.message).toMatch(/^Connection is closed: WRONGPASS/);
    expect(failure?.message).not.toContain('the-wrong-secret');
  });

  it('when REDIS_CLUSTER_NODES names a Redis that is not in a cluster, then the error names the node and says so', async () => {
    const url = new URL(testRedisUrl());
    const target = { kind: 'cluster' as const, nodes: [{ host: url.hostname, port: Number(url.port) }], username: undefined, password: undefined, tls: false, natMap: {} };

    await expect(connectRedis(target)).rejects.toThrow(`None of startup nodes is available: ${url.hostname}:${url.port}: ERR This instance has cluster support disabled`);
  });
});
