import { randomBytes } from 'node:crypto';
import { bucketOf } from '../../src/hashing/list-entry';
import { until } from '../support/eventually';
import { keysWithPrefix, newTestRedis } from '../support/test-redis';
import { startTestService, type TestService } from '../support/test-app';

const EXPOSURE = 'porsche-japan-2018-promotion';

describe('when the store loses a bucket key while a list is being loaded', () => {
  let service: TestService;
  const redis = newTestRedis();

  beforeAll(async () => {
    service = await startTestService({ store: 'shared', seed: true });
  });
  afterAll(async () => {
    await service.close();
    redis.disconnect();
  });

  it('then the upload fails with 503 list_upload_incomplete, the old version keeps answering and nothing of the new one is left', async () => {
    const { profile } = service.runtime.hashing;
    const liveBefore = (await service.runtime.stores.lists.liveLists()).find((list) => list.exposureId === EXPOSURE);
    const rows = Array.from({ length: 20 }, () => randomBytes(32));
    const lostBucket = bucketOf(rows[0] as Buffer, profile.bucketBits).toString(16).padStart(6, '0');
    const prefix = service.config.redisKeyPrefix;
    async function* batches() {
      yield rows.slice(0, 10);
      // As a restart or a failover would: the key with the first batch's rows in it is gone.
      // The first batch is written while the next is read: wait until its key is there.
      const staged = await until('the first batch is written', async () => {
        const keys = await keysWithPrefix(redis, `${prefix}lists:{${lostBucket}}:${EXPOSURE}/`);
        const found = keys.filter((key) => !key.endsWith(`/${liveBefore?.version}`));
        return found.length === 1 ? found : undefined;
      });
      await redis.del(staged[0] as string);
      yield rows.slice(10);
    }

    await expect(service.runtime.lists.service.replaceList(EXPOSURE, profile, batches())).rejects.toMatchObject({
      code: 'list_upload_incomplete',
      status: 503,
    });
    const liveAfter = (await service.runtime.stores.lists.liveLists()).find((list) => list.exposureId === EXPOSURE);
    expect(liveAfter).toEqual(liveBefore);
    expect(await service.runtime.stores.lists.unusedVersions()).toEqual([]);
  });
});
