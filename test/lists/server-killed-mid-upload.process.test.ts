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

/** Issue 3, second "Done when", second half: kill the server halfway through an upload. */
describe('an upload through scripts/load-list whose server is killed', () => {
  const redis = newTestRedis();
  let running: RunningServer | undefined;
  let dir: string | undefined;

  afterAll(async () => {
    await running?.kill();
    await redis.quit();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  describe('when the server is SIGKILLed once it has staged rows of version 2, then started again', () => {
    it(
      'then load-list exits 1 saying the upload broke, version 1 answers and no key of version 2 remains',
      async () => {
        dir = await temporaryDirectory('server-killed');
        const { env, prefix, server, profile, exposureId } = await startServerWithListedAddress(ALICE, dir);
        running = server;
        const lists = new RedisListStore(redis, prefix);
        const largeList = path.join(dir, 'version-2.txt');
        await writeRandomListFile(largeList, LARGE_LIST_ROWS, profile.id);
        const upload = startLoadList({ server: server.baseUrl, exposureId, files: [largeList] });
        await until('the server has staged rows of version 2', async () =>
          (await listVersionKeys(redis, prefix, exposureId, 2)).length > 0 ? true : undefined,
        30_000);

        await server.kill();
        const result = await upload.finished;
        running = await startBuiltServer(env, await freePort());

        expect(result.code).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(
          /^load-list: the connection to the server broke during the upload, after \d+\.\d of \d+\.\d MB were sent: .+\. Nothing of this upload goes live; the previous list, if any, keeps answering\. Upload again\.\n$/,
        );
        expect(await lists.unusedVersions()).toEqual([]);
        expect(await listVersionKeys(redis, prefix, exposureId, 2)).toEqual([]);
        expect((await lists.liveLists()).find((list) => list.exposureId === exposureId)?.version).toBe(1);
        expect(await listVersionKeys(redis, prefix, exposureId, 1)).not.toEqual([]);
        expect(await exposuresAffecting(running.baseUrl, ALICE)).toContain(exposureId);
        expect(await exposuresAffecting(running.baseUrl, 'bob@example.jp')).not.toContain(exposureId);
      },
      120_000,
    );
  });
});
