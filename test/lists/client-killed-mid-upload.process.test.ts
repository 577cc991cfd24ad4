import { rm } from 'node:fs/promises';
import path from 'node:path';
import { RedisListStore } from '../../src/lists/redis-list-store';
import { startBuiltServer, type RunningServer } from '../support/built-process';
import { until } from '../support/eventually';
import { exposuresAffecting } from '../support/http-api';
import {
  LARGE_LIST_ROWS,
  listVersionKeys,
  startLoadList,
  startServerWithListedAddress,
  temporaryDirectory,
  writeRandomListFile,
} from '../support/load-list-fixtures';
import { freePort } from '../support/redis-server';
import { newTestRedis } from '../support/test-redis';

const ALICE = 'alice@example.jp';
// The server still imports the rows buffered in the connection before it sees the client gone:
// a few MB, seconds to tens of seconds on a busy machine.
const CLEANUP_WAIT_MS = 120_000;

/** Issue 3, second "Done when", first half: kill the client halfway through an upload. */
describe('an upload through scripts/load-list whose client is killed', () => {
  const redis = newTestRedis();
  let running: RunningServer | undefined;
  let dir: string | undefined;

  afterAll(async () => {
    await running?.kill();
    await redis.quit();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  describe('when load-list is SIGKILLed once the server has staged rows of version 2', () => {
    it(
      'then version 1 keeps answering, version 2 is deleted, and it stays so after a server restart',
      async () => {
        dir = await temporaryDirectory('client-killed');
        const { env, prefix, server, profile, exposureId } = await startServerWithListedAddress(ALICE, dir);
        running = server;
        const lists = new RedisListStore(redis, prefix);
        const largeList = path.join(dir, 'version-2.txt');
        await writeRandomListFile(largeList, LARGE_LIST_ROWS, profile.id);
        const upload = startLoadList({ server: server.baseUrl, exposureId, files: [largeList] });
        await until('the server has staged rows of version 2', async () =>
          (await listVersionKeys(redis, prefix, exposureId, 2)).length > 0 ? true : undefined,
        30_000);

        upload.kill('SIGKILL');

        expect((await upload.finished).signal).toBe('SIGKILL');
        await until(
          'the server has deleted version 2',
          async () =>
            (await lists.unusedVersions()).length === 0 && (await listVersionKeys(redis, prefix, exposureId, 2)).length === 0
              ? true
              : undefined,
          CLEANUP_WAIT_MS,
        );
        expect((await lists.liveLists()).find((list) => list.exposureId === exposureId)?.version).toBe(1);
        expect(await exposuresAffecting(server.baseUrl, ALICE)).toContain(exposureId);

        expect(await server.stop()).toBe(0);
        running = await startBuiltServer(env, await freePort());

        expect(await lists.unusedVersions()).toEqual([]);
        expect(await listVersionKeys(redis, prefix, exposureId, 2)).toEqual([]);
        expect((await lists.liveLists()).find((list) => list.exposureId === exposureId)?.version).toBe(1);
        expect(await exposuresAffecting(running.baseUrl, ALICE)).toContain(exposureId);
        expect(await exposuresAffecting(running.baseUrl, 'bob@example.jp')).not.toContain(exposureId);
      },
      CLEANUP_WAIT_MS + 60_000,
    );
  });
});
