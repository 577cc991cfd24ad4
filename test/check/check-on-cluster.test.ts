import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Cluster } from 'ioredis';
import request from 'supertest';
import { argon2idOf } from '../../src/hashing/list-entry';
import { normalizeEmail } from '../../src/hashing/normalize-email';
import { checkPrivately } from '../../src/private-check-client';
import { ADMIN_TOKEN, FAST_ARGON2, admin, createExposure, createIncident } from '../admin/admin-fixtures';
import { startTestService, type TestService } from '../support/test-app';
import { keysWithPrefix, newTestCluster, uniquePrefix } from '../support/test-redis';

/*
 * The whole service on the test Redis Cluster (3 masters, 3 replicas) through REDIS_CLUSTER_NODES:
 * a list uploaded through the admin API, whose keys spread over every master, answers both checks;
 * and a bucket key lost on its node is a 503, never "not affected".
 */
describe('the service on a Redis Cluster', () => {
  const prefix = uniquePrefix('cluster-service');
  let cluster: Cluster;
  let service: TestService;
  let server: Server;
  let origin: string;
  let exposureId: string;
  const listed = ['kenji.tanaka@example.jp', 'Yuki.Sato@Example.JP', 'm.ito@example.com'];
  const unlisted = 'someone.else@example.org';

  beforeAll(async () => {
    cluster = newTestCluster();
    service = await startTestService({ store: 'cluster', prefix, env: { ADMIN_API_TOKEN: ADMIN_TOKEN, ...FAST_ARGON2 } });
    server = await new Promise((resolve) => {
      const listening = service.app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    exposureId = await createExposure(service.app, await createIncident(service.app));
    const rows = await Promise.all(listed.map(async (address) => (await argon2idOf(normalizeEmail(address), service.runtime.hashing.profile)).toString('hex')));
    // Random rows beside them, so the list has keys on every master.
    for (let index = 0; index < 600; index += 1) rows.push((await argon2idOf(`filler.${index}@example.net`, service.runtime.hashing.profile)).toString('hex'));
    const upload = await request(service.app)
      .put(`/api/v1/admin/exposures/${exposureId}/list`)
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .set('Content-Type', 'text/plain')
      .send(`# profile: ${service.runtime.hashing.profile.id}\n${rows.join('\n')}\n`);
    expect(upload.status).toBe(200);
    expect(upload.body).toMatchObject({ records: listed.length + 600, duplicates: 0 });
    expect((await admin(service.app).post(`/api/v1/admin/exposures/${exposureId}/publish`)).status).toBe(200);
  }, 60_000);
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await service.close();
    await Promise.all((await keysWithPrefix(cluster, prefix)).map((key) => cluster.unlink(key)));
    await cluster.quit();
  });

  async function serverCheck(address: string): Promise<{ status: number; found: string[] }> {
    const response = await request(service.app).post('/api/v1/check').send({ email: address });
    return { status: response.status, found: (response.body.exposures ?? []).map((exposure: { id: string }) => exposure.id) };
  }

  it('then the list\'s bucket keys are spread over every master', async () => {
    const masters = cluster.nodes('master');
    expect(masters).toHaveLength(3);
    const perMaster = await Promise.all(
      masters.map(async (node) => {
        let count = 0;
        let cursor = '0';
        do {
          const [next, keys] = await node.scan(cursor, 'MATCH', `${prefix}lists:{*`, 'COUNT', 1000);
          cursor = next;
          count += keys.length;
        } while (cursor !== '0');
        return count;
      }),
    );
    for (const count of perMaster) expect(count).toBeGreaterThan(0);
  });

  it.each(listed)('when the listed %s is checked on the server and privately, then both find the list', async (address) => {
    expect(await serverCheck(address)).toEqual({ status: 200, found: [exposureId] });
    const outcome = await checkPrivately(address, origin);
    expect(outcome.kind).toBe('checked');
    if (outcome.kind === 'checked') expect(outcome.found).toEqual([exposureId]);
  });

  it('when an unlisted address is checked both ways, then neither finds it', async () => {
    expect(await serverCheck(unlisted)).toEqual({ status: 200, found: [] });
    const outcome = await checkPrivately(unlisted, origin);
    expect(outcome.kind).toBe('checked');
    if (outcome.kind === 'checked') expect(outcome.found).toEqual([]);
  });

  it('when the bucket key of a listed address is deleted on its node, then its check answers 503, never "not affected"', async () => {
    const a = await argon2idOf(normalizeEmail(listed[0] as string), service.runtime.hashing.profile);
    const stored = (a.readUInt16BE(0) >>> 4).toString(16).padStart(3, '0');
    const [key] = (await keysWithPrefix(cluster, `${prefix}lists:{${stored}}:`)).filter((candidate) => candidate.includes(`:${exposureId}/`));
    expect(key).toBeDefined();
    const value = await cluster.getBuffer(key as string);
    await cluster.del(key as string);
    try {
      const server = await request(service.app).post('/api/v1/check').send({ email: listed[0] });
      expect(server.status).toBe(503);
      expect((await checkPrivately(listed[0] as string, origin)).kind).not.toBe('checked');
    } finally {
      await cluster.set(key as string, value as Buffer);
    }
  });
});
