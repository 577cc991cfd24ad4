import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import request from 'supertest';
import { openService } from '../../src/service';
import { argon2idOf } from '../../src/hashing/list-entry';
import { normalizeEmail } from '../../src/hashing/normalize-email';
import { ADMIN_TOKEN, FAST_ARGON2, admin, createExposure, createIncident } from '../admin/admin-fixtures';
import { hexKey, startTestService, testConfig, type TestService } from '../support/test-app';
import { until } from '../support/eventually';
import { keysWithPrefix, newTestRedis, sharedStoreEnv, uniquePrefix } from '../support/test-redis';

const ALICE = 'alice@example.jp';

function randomRows(count: number): Buffer[] {
  return Array.from({ length: count }, () => randomBytes(32));
}


describe('interrupted and abandoned list uploads', () => {
  const prefix = uniquePrefix('list-interruptions');
  const key = hexKey();
  const redis = newTestRedis();
  let service: TestService;

  beforeAll(async () => {
    service = await startTestService({ store: 'shared', prefix, key, env: { ADMIN_API_TOKEN: ADMIN_TOKEN, ...FAST_ARGON2 } });
  });
  afterAll(async () => {
    await service.close();
    await redis.quit();
  });

  async function exposureWithList(address: string): Promise<string> {
    const exposureId = await createExposure(service.app, await createIncident(service.app));
    expect((await admin(service.app).post(`/api/v1/admin/exposures/${exposureId}/publish`)).status).toBe(200);
    const row = await argon2idOf(normalizeEmail(address), service.runtime.hashing.profile);
    await service.runtime.lists.service.replaceList(exposureId, service.runtime.hashing.profile, [[row]]);
    return exposureId;
  }

  async function affectedBy(address: string): Promise<string[]> {
    const response = await request(service.app).post('/api/v1/check').send({ email: address });
    expect(response.status).toBe(200);
    return (response.body.exposures as { id: string }[]).map((exposure) => exposure.id);
  }

  async function versionKeys(exposureId: string, version: number): Promise<string[]> {
    return (await keysWithPrefix(redis, `${prefix}lists:{`)).filter((name) => name.endsWith(`:${exposureId}/${version}`));
  }

  async function stagedVersionOf(exposureId: string): Promise<number | undefined> {
    const unused = await service.runtime.stores.lists.unusedVersions();
    return unused.find((version) => version.exposureId === exposureId)?.version;
  }

  describe('when the client disconnects halfway through an upload', () => {
    it('then the staged version is deleted and the previous version keeps answering', async () => {
      const exposureId = await exposureWithList(ALICE);
      const server = service.app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      try {
        const { port } = server.address() as AddressInfo;
        const upload = http.request({
          host: '127.0.0.1',
          port,
          method: 'PUT',
          path: `/api/v1/admin/exposures/${exposureId}/list`,
          headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'text/plain' },
        });
        upload.on('error', () => undefined);
        upload.write(randomRows(1000).map((row) => row.toString('hex')).join('\n') + '\n');
        // Rows of the new version are in Redis: the server is mid-upload.
        const staged = await until('the upload is staged', () => stagedVersionOf(exposureId));
        await until('staged rows are written', async () => ((await versionKeys(exposureId, staged)).length > 0 ? true : undefined));

        upload.destroy();

        await until('the staged version is cleaned up', async () =>
          (await stagedVersionOf(exposureId)) === undefined ? true : undefined,
        );
        expect(await versionKeys(exposureId, staged)).toEqual([]);
        expect(await affectedBy(ALICE)).toContain(exposureId);
        const live = (await service.runtime.stores.lists.liveLists()).find((list) => list.exposureId === exposureId);
        expect(live?.version).toBe(1);
      } finally {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    });
  });

  describe('when an upload is cleaned away before it is activated', () => {
    it('then it fails with 409 list_upload_cancelled, never goes live, and leaves no keys', async () => {
      const exposureId = await exposureWithList(ALICE);
      const runtime = service.runtime;
      async function* batches() {
        yield randomRows(50);
        // Another instance starting now cleans every unused version, this staged one included.
        expect(await runtime.lists.service.deleteUnusedVersions()).toBeGreaterThan(0);
        yield randomRows(50);
      }

      const replacing = runtime.lists.service.replaceList(exposureId, runtime.hashing.profile, batches());

      await expect(replacing).rejects.toMatchObject({ code: 'list_upload_cancelled', status: 409 });
      const live = (await runtime.stores.lists.liveLists()).find((list) => list.exposureId === exposureId);
      expect(live?.version).toBe(1);
      expect(await versionKeys(exposureId, 2)).toEqual([]);
      expect(await stagedVersionOf(exposureId)).toBeUndefined();
      expect(await affectedBy(ALICE)).toContain(exposureId);
    });
  });

  describe('when a script opens a runtime while an upload is staged', () => {
    it('then the staged version is left alone, since it may be an upload in progress elsewhere', async () => {
      const exposureId = await exposureWithList(ALICE);
      const lists = service.runtime.stores.lists;
      const staged = await lists.beginVersion(exposureId, service.runtime.hashing.profile.id, 16, new Date());
      await lists.addEntries(staged, randomRows(5).map((row) => ({ bucket: row.readUInt16BE(0), digest: row.subarray(0, 16) })));

      const script = await openService(testConfig({ ...sharedStoreEnv(), REDIS_KEY_PREFIX: prefix, OPRF_SECRET_KEY: key, ...FAST_ARGON2 }), {
        logger: pino({ level: 'silent' }),
      });
      try {
        expect(await versionKeys(exposureId, staged.version)).not.toEqual([]);
      } finally {
        await script.close();
        await lists.deleteVersion(exposureId, staged.version);
      }
    });
  });

  describe('when a server starts on a store holding a crashed upload', () => {
    it('then the leftover version is deleted and the live list is kept', async () => {
      const exposureId = await exposureWithList(ALICE);
      const lists = service.runtime.stores.lists;
      const crashed = await lists.beginVersion(exposureId, service.runtime.hashing.profile.id, 16, new Date());
      await lists.addEntries(crashed, randomRows(20).map((row) => ({ bucket: row.readUInt16BE(0), digest: row.subarray(0, 16) })));
      expect(await versionKeys(exposureId, crashed.version)).not.toEqual([]);

      const restarted = await startTestService({ store: 'shared', prefix, key, env: { ADMIN_API_TOKEN: ADMIN_TOKEN, ...FAST_ARGON2 } });
      try {
        expect(await restarted.runtime.stores.lists.unusedVersions()).toEqual([]);
        expect(await versionKeys(exposureId, crashed.version)).toEqual([]);
        const live = (await restarted.runtime.stores.lists.liveLists()).find((list) => list.exposureId === exposureId);
        expect(live?.version).toBe(1);
        expect(await versionKeys(exposureId, 1)).not.toEqual([]);
        expect(await affectedBy(ALICE)).toContain(exposureId);
      } finally {
        await restarted.close();
      }
    });
  });
});

describe('an upload cleaned away before activation, on the memory store', () => {
  it('when its version is deleted mid-upload, then the upload fails and nothing goes live', async () => {
    const service = await startTestService({ store: 'memory' });
    try {
      const { runtime } = service;
      async function* batches() {
        yield randomRows(5);
        await runtime.lists.service.deleteUnusedVersions();
        yield randomRows(5);
      }

      await expect(runtime.lists.service.replaceList('memory-exposure', runtime.hashing.profile, batches())).rejects.toThrow();

      expect((await runtime.stores.lists.liveLists()).map((list) => list.exposureId)).not.toContain('memory-exposure');
      expect(await runtime.stores.lists.unusedVersions()).toEqual([]);
    } finally {
      await service.close();
    }
  });
});
