import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AdminClientError } from '../../src/cli/admin-client/admin-client-error';
import { serverUrl, type AdminTarget } from '../../src/cli/admin-client/admin-target';
import { apiAnswerError } from '../../src/cli/admin-client/api-answer-error';
import { publishExposure } from '../../src/cli/admin-client/publish-exposure';
import { uploadList } from '../../src/cli/admin-client/upload-list';
import { RedisListStore } from '../../src/lists/redis-list-store';
import { ADMIN_TOKEN, FAST_ARGON2, createExposure, createIncident } from '../admin/admin-fixtures';
import { until } from '../support/eventually';
import { listVersionKeys, temporaryDirectory, writeRandomListFile } from '../support/load-list-fixtures';
import { freePort } from '../support/redis-server';
import { startTestService, type TestService } from '../support/test-app';
import { newTestRedis, uniquePrefix } from '../support/test-redis';

async function listening(server: Server): Promise<URL> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return serverUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
}

async function closed(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

async function failureOf(promise: Promise<unknown>): Promise<AdminClientError> {
  const error = await promise.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  if (!(error instanceof AdminClientError)) throw new Error(`expected an AdminClientError, got ${String(error)}`);
  return error;
}

/** Error answers as the operator reads them: what happened here, then the server's status, code and message. */
describe('the messages of admin API error answers', () => {
  const answer = (status: number, code: string, message: string) => ({ status, json: { error: { code, message } }, textStart: '' });

  it.each([
    [answer(401, 'unauthorized', 'The admin API token is not valid.'), 'the server refused the admin token (401 unauthorized: The admin API token is not valid.)'],
    [answer(404, 'not_found', 'There is no exposure with this id.'), 'the server has no exposure "e-1" (404 not_found: There is no exposure with this id.)'],
    [answer(400, 'empty_list', 'The list file holds no rows.'), 'the server refused the list (400 empty_list: The list file holds no rows.)'],
    [answer(409, 'list_upload_cancelled', 'Upload it again.'), 'the server refused the request (409 list_upload_cancelled: Upload it again.)'],
    [answer(503, 'unavailable', 'Try again.'), 'the server failed (503 unavailable: Try again.)'],
  ])('when the answer is %j, then the message is one line naming its code', (response, expected) => {
    const error = apiAnswerError(response, { exposureId: 'e-1' });

    expect(error.failure).toBe('api_error');
    expect(error.message).toBe(expected);
    expect(error.status).toBe(response.status);
  });

  it('when the answer is not the admin API\'s, then the message shows its start and asks about the URL', () => {
    const error = apiAnswerError({ status: 502, json: null, textStart: '<html>\n<h1>Bad Gateway</h1>' }, { exposureId: 'e-1' });

    expect(error.failure).toBe('bad_response');
    expect(error.message).toBe(
      'unexpected answer HTTP 502 "<html> <h1>Bad Gateway</h1>": is --server the Exposure Check service\'s base URL?',
    );
  });
});

describe('uploading and publishing through the admin client', () => {
  const prefix = uniquePrefix('load-list-errors');
  const redis = newTestRedis();
  const lists = new RedisListStore(redis, prefix);
  let service: TestService;
  let server: Server;
  let target: AdminTarget;
  let dir: string;
  let smallList: string;

  beforeAll(async () => {
    service = await startTestService({ store: 'shared', prefix, env: { ADMIN_API_TOKEN: ADMIN_TOKEN, ...FAST_ARGON2 } });
    server = createServer(service.app);
    target = { server: await listening(server), token: ADMIN_TOKEN };
    dir = await temporaryDirectory('load-list-errors');
    smallList = path.join(dir, 'small.txt');
    await writeFile(smallList, `# profile: ${service.runtime.hashing.profile.id}\n${'ab'.repeat(32)}\n`);
  });
  afterAll(async () => {
    await closed(server);
    await service.close();
    await redis.quit();
    await rm(dir, { recursive: true, force: true });
  });

  describe('when the token is wrong', () => {
    it('then the upload fails with the server\'s 401 before the list is read, and nothing is staged', async () => {
      const exposureId = await createExposure(service.app, await createIncident(service.app));
      const largeList = path.join(dir, 'large-401.txt');
      await writeRandomListFile(largeList, 100_000, service.runtime.hashing.profile.id);

      const error = await failureOf(uploadList({ target: { ...target, token: 'wrong-token-0123456789abcdefghijklmnop' }, exposureId, files: [largeList] }));

      expect(error).toMatchObject({ failure: 'api_error', status: 401, code: 'unauthorized' });
      expect((await lists.unusedVersions()).filter((version) => version.exposureId === exposureId)).toEqual([]);
    });
  });

  describe('when publishing an exposure that does not exist', () => {
    it('then it fails with the server\'s 404 named for that exposure', async () => {
      const error = await failureOf(publishExposure(target, 'no-such-exposure'));

      expect(error.message).toBe('the server has no exposure "no-such-exposure" (404 not_found: There is no exposure with this id.)');
    });
  });

  describe('when the list goes up and the exposure is published', () => {
    it('then the summary is the server\'s and the list is live', async () => {
      const exposureId = await createExposure(service.app, await createIncident(service.app));

      const summary = await uploadList({ target, exposureId, files: [smallList, smallList] });
      await publishExposure(target, exposureId);

      expect(summary).toEqual({ records: 1, duplicates: 1, version: 1 });
      expect(await lists.liveLists()).toContainEqual(expect.objectContaining({ exposureId, version: 1, records: 1 }));
      expect(await service.runtime.stores.catalog.getExposure(exposureId)).toMatchObject({ published: true });
    });
  });

  describe('when the server drops the connection halfway through the upload', () => {
    it('then the upload fails saying how much was sent and that nothing goes live, and the staged rows are deleted', async () => {
      const exposureId = await createExposure(service.app, await createIncident(service.app));
      const largeList = path.join(dir, 'large-dropped.txt');
      await writeRandomListFile(largeList, 100_000, service.runtime.hashing.profile.id);
      const upload = failureOf(uploadList({ target, exposureId, files: [largeList] }));
      await until('rows of the upload are staged', async () => ((await listVersionKeys(redis, prefix, exposureId, 1)).length > 0 ? true : undefined), 30_000);

      server.closeAllConnections();
      const error = await upload;

      expect(error).toMatchObject({ failure: 'connection_lost', phase: 'sending' });
      expect(error.message).toMatch(
        /^the connection to the server broke during the upload, after \d+\.\d of 6\.5 MB were sent: .+\. Nothing of this upload goes live; the previous list, if any, keeps answering\. Upload again\.$/,
      );
      await until('the staged version is deleted', async () =>
        (await lists.unusedVersions()).some((version) => version.exposureId === exposureId) ? undefined : true,
      30_000);
      expect(await listVersionKeys(redis, prefix, exposureId, 1)).toEqual([]);
      expect((await lists.liveLists()).some((list) => list.exposureId === exposureId)).toBe(false);
    });
  });

  describe('when nothing listens at the server URL', () => {
    it('then the upload fails as unreachable, naming the server', async () => {
      const port = await freePort();

      const error = await failureOf(uploadList({ target: { ...target, server: serverUrl(`http://127.0.0.1:${port}`) }, exposureId: 'e-1', files: [smallList] }));

      expect(error).toMatchObject({ failure: 'unreachable', reason: 'connection refused (ECONNREFUSED)' });
      expect(error.message).toBe(`cannot reach the server at http://127.0.0.1:${port}: connection refused (ECONNREFUSED)`);
    });
  });

  describe('when something other than the service answers', () => {
    it('then the upload fails as a bad response showing what answered', async () => {
      const proxy = createServer((_req, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad Gateway</h1>'));
      const url = await listening(proxy);
      try {
        const error = await failureOf(uploadList({ target: { ...target, server: url }, exposureId: 'e-1', files: [smallList] }));

        expect(error).toMatchObject({ failure: 'bad_response', status: 502 });
        expect(error.message).toContain('"<h1>Bad Gateway</h1>"');
      } finally {
        await closed(proxy);
      }
    });
  });
});
