import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { newHashingProfile, type HashingProfile } from '../../src/hashing/hashing-profile';
import { RedisHashingStore } from '../../src/hashing/redis-hashing-store';
import { RedisListStore } from '../../src/lists/redis-list-store';
import { startBuiltServer, type RunningServer } from '../support/built-process';
import { callApi, createExposureOver, exposuresAffecting } from '../support/http-api';
import {
  listVersionKeys,
  runLoadList,
  serverEnvironment,
  temporaryDirectory,
} from '../support/load-list-fixtures';
import { freePort } from '../support/redis-server';
import { referenceArgon2id } from '../support/reference-argon2';
import { hexKey } from '../support/test-app';
import { newTestRedis, uniquePrefix } from '../support/test-redis';

// Already in email-v1 normal form: the reference implementation hashes exactly these strings.
const LISTED = ['taro.yamada@example.jp', 'hanako.suzuki+news@example.com', 'yuki.tanaka@example.jp', 'kenji.sato@example.net'];
const COSTS = { memoryKiB: 8192, iterations: 1, parallelism: 1 };

/** A random salt the argon2 CLI can take as an argument: any bytes but NUL. */
function argvSafeSalt(): Buffer {
  return Buffer.from([...randomBytes(16)].map((byte) => (byte === 0 ? 1 : byte)));
}

describe('scripts/load-list against the built server', () => {
  const prefix = uniquePrefix('load-list');
  const redis = newTestRedis();
  const lists = new RedisListStore(redis, prefix);
  let server: RunningServer;
  let profile: HashingProfile;
  let dir: string;

  beforeAll(async () => {
    // The profile is stored before the server's first start only to keep NUL out of the random
    // salt, which the CLI takes as an argument; the test still reads the salt the server publishes.
    await new RedisHashingStore(redis, prefix).saveCurrentProfileIfAbsent(newHashingProfile(COSTS, new Date(), argvSafeSalt()));
    server = await startBuiltServer(serverEnvironment(prefix, hexKey()), await freePort());
    const published = await callApi(server.baseUrl, 'GET', '/api/v1/hashing-profile');
    profile = published.body as HashingProfile;
    dir = await temporaryDirectory('load-list');
  });
  afterAll(async () => {
    await server.stop();
    await redis.quit();
    await rm(dir, { recursive: true, force: true });
  });

  /** A list file hashed by the Debian argon2 CLI with the published salt and costs. */
  async function referenceListFile(name: string, addresses: readonly string[], profileId = profile.id): Promise<string> {
    const salt = Buffer.from(profile.salt, 'base64');
    const rows = addresses.map((address) => referenceArgon2id(address, salt, profile));
    const file = path.join(dir, name);
    await writeFile(file, `# profile: ${profileId}\n# hashed with the Debian argon2 CLI\n\n${rows.join('\n')}\n`);
    return file;
  }

  async function liveVersionOf(exposureId: string): Promise<number | undefined> {
    return (await lists.liveLists()).find((list) => list.exposureId === exposureId)?.version;
  }

  async function stagedVersionsOf(exposureId: string): Promise<number[]> {
    return (await lists.unusedVersions()).filter((version) => version.exposureId === exposureId).map((version) => version.version);
  }

  describe('when a list hashed by an independent argon2id implementation is loaded in two shards and published', () => {
    it('then each address is affected, others are not, and after DELETE .../list none is and no key remains', async () => {
      const exposureId = await createExposureOver(server.baseUrl);
      const shards = [await referenceListFile('ref-1.txt', LISTED.slice(0, 2)), await referenceListFile('ref-2.txt', LISTED.slice(2))];

      const loaded = await runLoadList({ server: server.baseUrl, exposureId, files: shards, publish: true });

      expect(loaded.stderr).toBe('');
      expect(loaded.code).toBe(0);
      expect(loaded.stdout).toBe(
        `exposure ${exposureId}: version 1 loaded, ${LISTED.length} records, 0 duplicates\nexposure ${exposureId}: published\n`,
      );
      expect(await lists.liveLists()).toContainEqual(expect.objectContaining({ exposureId, version: 1, profileId: profile.id, records: LISTED.length }));
      for (const address of LISTED) expect(await exposuresAffecting(server.baseUrl, address)).toContain(exposureId);
      expect(await exposuresAffecting(server.baseUrl, 'ＴＡＲＯ．ＹＡＭＡＤＡ＠ＥＸＡＭＰＬＥ．ＪＰ')).toContain(exposureId);
      expect(await exposuresAffecting(server.baseUrl, 'Kenji.Sato@EXAMPLE.NET')).toContain(exposureId);
      expect(await exposuresAffecting(server.baseUrl, 'taro.yamada@example.com')).not.toContain(exposureId);
      expect(await exposuresAffecting(server.baseUrl, 'hanako.suzuki@example.com')).not.toContain(exposureId);

      const erased = await callApi(server.baseUrl, 'DELETE', `/api/v1/admin/exposures/${exposureId}/list`, { admin: true });

      expect(erased.status).toBe(204);
      for (const address of LISTED) expect(await exposuresAffecting(server.baseUrl, address)).not.toContain(exposureId);
      expect(await listVersionKeys(redis, prefix, exposureId, '*')).toEqual([]);
      expect(await liveVersionOf(exposureId)).toBeUndefined();
      expect(await stagedVersionsOf(exposureId)).toEqual([]);
    });
  });

  describe('when the token is wrong', () => {
    it('then it exits 1 with the server code and a hint at EXPOSURE_CHECK_TOKEN, and nothing is staged', async () => {
      const exposureId = await createExposureOver(server.baseUrl);
      const file = await referenceListFile('wrong-token.txt', LISTED.slice(0, 1));

      const result = await runLoadList({ server: server.baseUrl, exposureId, files: [file], token: 'not-the-admin-token-0123456789abcdef' });

      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        'load-list: the server refused the admin token (401 unauthorized: The admin API token is not valid.). ' +
          "Is EXPOSURE_CHECK_TOKEN the server's ADMIN_API_TOKEN?\n",
      );
      expect(await stagedVersionsOf(exposureId)).toEqual([]);
      expect(await liveVersionOf(exposureId)).toBeUndefined();
    });
  });

  describe('when the second shard has a bad line', () => {
    it('then it exits 1 naming that file and its line, and the live list is unchanged', async () => {
      const exposureId = await createExposureOver(server.baseUrl);
      const first = await referenceListFile('good.txt', LISTED.slice(0, 1));
      expect((await runLoadList({ server: server.baseUrl, exposureId, files: [first] })).code).toBe(0);
      const second = path.join(dir, 'bad.txt');
      // Lines 1-2 are the header the upload leaves out, so the server sees the bad row at another number.
      await writeFile(second, `# profile: ${profile.id}\n\n${'ab'.repeat(32)}\nnot-a-row\n`);

      const result = await runLoadList({ server: server.baseUrl, exposureId, files: [first, second] });

      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /^load-list: the server refused the list \(400 invalid_list: The list file has 1 invalid line\(s\): \S+bad\.txt line 4\. .*\)\n$/,
      );
      expect(await liveVersionOf(exposureId)).toBe(1);
      expect(await stagedVersionsOf(exposureId)).toEqual([]);
    });
  });

  describe('when the shards name different hashing profiles', () => {
    it('then it exits 1 before sending anything, naming both files', async () => {
      const exposureId = await createExposureOver(server.baseUrl);
      const first = await referenceListFile('profile-a.txt', LISTED.slice(0, 1));
      const second = await referenceListFile('profile-b.txt', LISTED.slice(1, 2), 'hp-000000000000');

      const result = await runLoadList({ server: server.baseUrl, exposureId, files: [first, second] });

      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `load-list: the list files name different hashing profiles: ${first} names ${profile.id}, ${second} names ` +
          'hp-000000000000; shards of one list must all be hashed with the same profile. Nothing was sent.\n',
      );
      expect(await stagedVersionsOf(exposureId)).toEqual([]);
      expect(await liveVersionOf(exposureId)).toBeUndefined();
    });
  });

  describe('when the exposure does not exist', () => {
    it('then it exits 1 saying so with the server code', async () => {
      const file = await referenceListFile('no-exposure.txt', LISTED.slice(0, 1));

      const result = await runLoadList({ server: server.baseUrl, exposureId: 'no-such-exposure', files: [file] });

      expect(result.code).toBe(1);
      expect(result.stderr).toBe('load-list: the server has no exposure "no-such-exposure" (404 not_found: There is no exposure with this id.)\n');
    });
  });

  describe('when nothing listens at the server URL', () => {
    it('then it exits 1 saying the connection was refused', async () => {
      const file = await referenceListFile('refused.txt', LISTED.slice(0, 1));
      const port = await freePort();

      const result = await runLoadList({ server: `http://127.0.0.1:${port}`, exposureId: 'any', files: [file] });

      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`load-list: cannot reach the server at http://127.0.0.1:${port}: connection refused (ECONNREFUSED)\n`);
    });
  });

  describe('when EXPOSURE_CHECK_TOKEN is not set', () => {
    it('then it exits 2 before any request and says where the token goes', async () => {
      const file = await referenceListFile('no-token.txt', LISTED.slice(0, 1));

      const result = await runLoadList({ server: server.baseUrl, exposureId: 'any', files: [file], token: null });

      expect(result.code).toBe(2);
      expect(result.stderr).toContain('EXPOSURE_CHECK_TOKEN is not set');
      expect(result.stderr).toContain('`ps`');
    });
  });

  describe('when the token is given as an argument', () => {
    it('then it exits 2 and points to EXPOSURE_CHECK_TOKEN', async () => {
      const result = await runLoadList({ server: server.baseUrl, exposureId: 'any', files: ['--token', 'secret', 'x.txt'] });

      expect(result.code).toBe(2);
      expect(result.stderr).toContain('there is no --token option: put the token in EXPOSURE_CHECK_TOKEN');
    });
  });
});
