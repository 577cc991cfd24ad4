import { readdir, readFile, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { hashingProfileIdOf, newHashingProfile, type HashingProfile } from '../../src/hashing/hashing-profile';
import request from 'supertest';
import { ADMIN_TOKEN, FAST_ARGON2, admin, createExposure, createIncident } from '../admin/admin-fixtures';
import { startTestService, type TestService } from '../support/test-app';
import { expectedRows, rowsOf, runHashList, savedProfile, syntheticAddresses, tempDir } from './hash-list-fixtures';

async function listen(service: TestService): Promise<{ server: Server; baseUrl: string }> {
  const server = service.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('scripts/hash-list --profile', () => {
  let dir: string;
  let remove: () => Promise<void>;
  let input: string;
  const addresses = syntheticAddresses(6, 'profile');

  beforeEach(async () => {
    ({ dir, remove } = await tempDir());
    input = path.join(dir, 'addresses.txt');
    await writeFile(input, `${addresses.join('\n')}\n`);
  });
  afterEach(async () => {
    await remove();
  });

  describe('when the profile comes from a running server', () => {
    let service: TestService;
    let server: Server;
    let baseUrl: string;

    beforeAll(async () => {
      service = await startTestService({ store: 'shared', env: { ...FAST_ARGON2, ADMIN_API_TOKEN: ADMIN_TOKEN } });
      ({ server, baseUrl } = await listen(service));
    });
    afterAll(async () => {
      server.close();
      await service.close();
    });

    it.each(['', '/'])('when the base URL ends in "%s", then the list is hashed with the server\'s current profile and names it', async (suffix) => {
      const out = path.join(dir, 'list.txt');

      const result = await runHashList(['--profile', `${baseUrl}${suffix}`, '--out', out, input]);

      expect(result.code).toBe(0);
      const profile = service.runtime.hashing.profile;
      expect((await readFile(out, 'utf8')).split('\n')[0]).toBe(`# profile: ${profile.id}`);
      expect(await rowsOf(out)).toEqual(await expectedRows(addresses, profile));
    });

    it('when its list is uploaded and published, then each of its addresses is affected and others are not', async () => {
      const out = path.join(dir, 'list.txt');
      expect((await runHashList(['--profile', baseUrl, '--out', out, input])).code).toBe(0);
      const exposureId = await createExposure(service.app, await createIncident(service.app));

      const upload = await request(service.app)
        .put(`/api/v1/admin/exposures/${exposureId}/list`)
        .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
        .set('Content-Type', 'text/plain')
        .send(await readFile(out, 'utf8'));
      await admin(service.app).post(`/api/v1/admin/exposures/${exposureId}/publish`);

      expect(upload.status).toBe(200);
      expect(upload.body.records).toBe(addresses.length);
      const affected = async (email: string) =>
        ((await request(service.app).post('/api/v1/check').send({ email })).body.exposures as { id: string }[]).map((e) => e.id);
      expect(await affected('ＰＲＯＦＩＬＥ－３＠ＥＸＡＭＰＬＥ．ＪＰ')).toContain(exposureId);
      expect(await affected('profile-0@example.jp')).toContain(exposureId);
      expect(await affected('profile-99@example.jp')).not.toContain(exposureId);
    });

    it('when the URL does not lead to a hashing profile, then the run is refused naming the HTTP status', async () => {
      const result = await runHashList(['--profile', `${baseUrl}/not-here`, '--out', path.join(dir, 'list.txt'), input]);

      expect(result.code).toBe(1);
      expect(result.stderr).toContain('answered HTTP 404');
    });
  });

  describe('when nothing listens at the URL', () => {
    it('then the run is refused with a message naming the URL and the reason', async () => {
      const service = await startTestService({ store: 'memory', env: FAST_ARGON2 });
      const { server, baseUrl } = await listen(service);
      await new Promise((resolve) => server.close(resolve));
      await service.close();

      const result = await runHashList(['--profile', baseUrl, '--out', path.join(dir, 'list.txt'), input]);

      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Could not fetch the hashing profile from ${baseUrl}/api/v1/hashing-profile: ECONNREFUSED`);
      expect(await readdir(dir)).toEqual(['addresses.txt']);
    });
  });

  describe('when the profile comes from a saved file', () => {
    it('then the list is hashed with it, whatever the order of its fields', async () => {
      const { profile } = await savedProfile(dir);
      const reordered = Object.fromEntries(Object.entries(profile).reverse());
      const file = path.join(dir, 'reordered.json');
      await writeFile(file, JSON.stringify(reordered));
      const out = path.join(dir, 'list.txt');

      const result = await runHashList(['--profile', file, '--out', out, input]);

      expect(result.code).toBe(0);
      expect(await rowsOf(out)).toEqual(await expectedRows(addresses, profile));
    });
  });

  describe('when the saved profile file was edited or is not a usable profile', () => {
    const edits: [string, (profile: HashingProfile) => object, string][] = [
      ['its salt was changed', (p) => ({ ...p, salt: Buffer.from('another salt!!').toString('base64') }), 'edited or damaged'],
      ['its costs were lowered', (p) => ({ ...p, memoryKiB: 9000 }), 'edited or damaged'],
      ['its id was changed', (p) => ({ ...p, id: 'hp-000000000000' }), 'edited or damaged'],
      ['its algorithm is not argon2id', (p) => ({ ...p, algorithm: 'argon2i' }), 'algorithm'],
      ['its normalization is unknown', (p) => ({ ...p, normalization: 'email-v2' }), 'normalization'],
      ['its hash length is not 32', (p) => ({ ...p, hashLength: 16 }), 'hashLength'],
      ['its salt is not base64', (p) => ({ ...p, salt: 'not base64!' }), 'salt'],
      ['its memory cost is below the minimum', (p) => ({ ...p, memoryKiB: 1024 }), 'memoryKiB'],
    ];

    it.each(edits)('when %s, then the run is refused with a message and nothing is written', async (_edit, edit, message) => {
      const { profile } = await savedProfile(dir);
      const file = path.join(dir, 'edited.json');
      await writeFile(file, JSON.stringify(edit(profile)));

      const result = await runHashList(['--profile', file, '--out', path.join(dir, 'list.txt'), input]);

      expect(result.code).toBe(1);
      expect(result.stderr).toContain(message);
      expect(result.stderr).toContain(file);
      expect((await readdir(dir)).sort()).toEqual(['addresses.txt', 'edited.json', `profile-${profile.id}.json`].sort());
    });

    it.each([
      ['missing', 'missing.json', 'does-not-exist', 'ENOENT'],
      ['not JSON', 'broken.json', '{"id": ', 'is not JSON'],
    ])('when the file is %s, then the run is refused', async (_case, name, content, message) => {
      const file = path.join(dir, name);
      if (content !== 'does-not-exist') await writeFile(file, content);

      const result = await runHashList(['--profile', file, '--out', path.join(dir, 'list.txt'), input]);

      expect(result.code).toBe(1);
      expect(result.stderr).toContain(message);
    });
  });

  describe('when a profile id is derived from its parameters', () => {
    it('then newHashingProfile uses it, and ids of profiles already stored are unchanged', () => {
      const profile = newHashingProfile({ memoryKiB: 19456, iterations: 2, parallelism: 1 }, new Date(0), Buffer.from('exposure-check-golden-salt'));

      expect(hashingProfileIdOf(profile)).toBe(profile.id);
      // Computed by the code before hashingProfileIdOf existed: stored profiles keep their ids.
      expect(profile.id).toBe('hp-2133462f572e');
      expect(hashingProfileIdOf({ ...profile, iterations: 3 })).not.toBe(profile.id);
    });
  });
});
