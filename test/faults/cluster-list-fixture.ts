import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { argon2idOf } from '../../src/hashing/list-entry';
import { normalizeEmail } from '../../src/hashing/normalize-email';
import { ADMIN_TOKEN, FAST_ARGON2, admin, createExposure, createIncident } from '../admin/admin-fixtures';
import { startRedisCluster, type RedisCluster } from '../support/redis-server';
import { NO_RATE_LIMITS, startTestService, type TestService } from '../support/test-app';

/** The service on a Redis Cluster of its own, with one published exposure whose list can be uploaded again. */
export interface ClusterWithList {
  cluster: RedisCluster;
  service: TestService;
  exposureId: string;
  /** PUT of a list holding `addresses` (and `randomRows` random rows), with the status it answered. */
  upload(addresses: readonly string[], randomRows?: number): Promise<number>;
  /** POST /api/v1/check: the status, and the verdict when it answered one. */
  check(address: string): Promise<{ status: number; affected?: boolean }>;
  close(): Promise<void>;
}

/** For the failover suites: a cluster whose nodes they may kill, the service on it, `listed` live. */
export async function startClusterWithList(listed: readonly string[]): Promise<ClusterWithList> {
  const cluster = await startRedisCluster({ nodeTimeoutMs: 2_000 });
  const service = await startTestService({
    store: 'cluster',
    env: { REDIS_CLUSTER_NODES: cluster.nodes, ADMIN_API_TOKEN: ADMIN_TOKEN, ...FAST_ARGON2, ...NO_RATE_LIMITS },
  });
  const exposureId = await createExposure(service.app, await createIncident(service.app));
  const upload = async (addresses: readonly string[], randomRows = 0): Promise<number> => {
    const hashed = await Promise.all(addresses.map(async (address) => (await argon2idOf(normalizeEmail(address), service.runtime.hashing.profile)).toString('hex')));
    const random = Array.from({ length: randomRows }, () => randomBytes(32).toString('hex'));
    const response = await request(service.app)
      .put(`/api/v1/admin/exposures/${exposureId}/list`)
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .set('Content-Type', 'text/plain')
      .send(`# profile: ${service.runtime.hashing.profile.id}\n${[...hashed, ...random].join('\n')}\n`);
    return response.status;
  };
  const check = async (address: string): Promise<{ status: number; affected?: boolean }> => {
    const response = await request(service.app).post('/api/v1/check').send({ email: address });
    return { status: response.status, ...(response.status === 200 && { affected: response.body.affected as boolean }) };
  };
  if ((await upload(listed)) !== 200) throw new Error('the first list did not load');
  if ((await admin(service.app).post(`/api/v1/admin/exposures/${exposureId}/publish`)).status !== 200) throw new Error('the exposure did not publish');
  return {
    cluster,
    service,
    exposureId,
    upload,
    check,
    close: async () => {
      await service.close();
      await cluster.stop();
    },
  };
}
