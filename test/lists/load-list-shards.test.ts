import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { AdminClientError } from '../../src/cli/admin-client/admin-client-error';
import { withFileLines } from '../../src/cli/admin-client/invalid-list-lines';
import { ListBody, type UploadProgress } from '../../src/cli/admin-client/list-body';
import { planShardedList } from '../../src/cli/admin-client/sharded-list';
import { openListFile } from '../../src/lists/list-file';
import { temporaryDirectory } from '../support/load-list-fixtures';

const ROW_A = 'a'.repeat(64);
const ROW_B = 'B'.repeat(64);
const ROW_C = 'c'.repeat(64);
const ROW_D = 'd'.repeat(64);
const BOM = '\ufeff';

/** The uploader's side of a sharded list: what it sends for several files, and what it refuses. */
describe('the upload body of a list in several files', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await temporaryDirectory('load-list-shards');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function listFile(name: string, content: string): Promise<string> {
    const file = path.join(dir, name);
    await writeFile(file, content);
    return file;
  }

  async function bodyOf(body: ListBody): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of body) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  }

  async function refusal(files: string[]): Promise<AdminClientError> {
    const error = await planShardedList(files).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    if (!(error instanceof AdminClientError)) throw new Error(`expected an AdminClientError, got ${String(error)}`);
    return error;
  }

  describe('when the shards name the same profile', () => {
    it('then the first file goes whole and the others without their header, blank lines or BOM', async () => {
      const files = [
        await listFile('same-1.txt', `# profile: hp-1\n# shard 1/3\n${ROW_A}\n`),
        await listFile('same-2.txt', `${BOM}# profile: hp-1\n\n# shard 2/3\r\n${ROW_B}\r\n${ROW_C}\n`),
        await listFile('same-3.txt', `# Profile : hp-1\n${ROW_D}\n`),
      ];

      const list = await planShardedList(files);
      const body = await bodyOf(new ListBody(list));

      expect(list.profileId).toBe('hp-1');
      expect(body).toBe(`# profile: hp-1\n# shard 1/3\n${ROW_A}\n${ROW_B}\r\n${ROW_C}\n${ROW_D}\n`);
      // The server's own parser reads it as one valid list.
      const parsed = await openListFile(Readable.from([Buffer.from(body)]));
      const rows: Buffer[] = [];
      for await (const batch of parsed.batches) rows.push(...batch);
      expect(parsed.profileId).toBe('hp-1');
      expect(rows.map((row) => row.toString('hex'))).toEqual([ROW_A, ROW_B.toLowerCase(), ROW_C, ROW_D]);
    });
  });

  describe('when a shard does not end with a line break', () => {
    it('then one is put between it and the next, so no two rows run together', async () => {
      const files = [await listFile('open-1.txt', `${ROW_A}`), await listFile('open-2.txt', `${ROW_B}`)];

      const body = await bodyOf(new ListBody(await planShardedList(files)));

      expect(body).toBe(`${ROW_A}\n${ROW_B}`);
    });
  });

  describe('when a later shard holds only a header', () => {
    it('then it adds nothing to the body', async () => {
      const files = [await listFile('some-1.txt', `# profile: hp-1\n${ROW_A}\n`), await listFile('empty-2.txt', '# profile: hp-1\n\n')];

      const body = await bodyOf(new ListBody(await planShardedList(files)));

      expect(body).toBe(`# profile: hp-1\n${ROW_A}\n`);
    });
  });

  describe('when the shards name different profiles', () => {
    it('then the list is refused before anything is sent, naming both files and profiles', async () => {
      const first = await listFile('differ-1.txt', `# profile: hp-1\n${ROW_A}\n`);
      const second = await listFile('differ-2.txt', `# profile: hp-2\n${ROW_B}\n`);

      const error = await refusal([first, second]);

      expect(error.failure).toBe('list_files');
      expect(error.message).toBe(
        `the list files name different hashing profiles: ${first} names hp-1, ${second} names hp-2; shards of one ` +
          'list must all be hashed with the same profile. Nothing was sent.',
      );
    });
  });

  describe('when only some shards name a profile', () => {
    it('then the list is refused: the unnamed one would be read under the current profile', async () => {
      const first = await listFile('unnamed-1.txt', `${ROW_A}\n`);
      const second = await listFile('named-2.txt', `# profile: hp-1\n${ROW_B}\n`);

      const error = await refusal([first, second]);

      expect(error.message).toContain(`${first} has no "# profile:" header, ${second} names hp-1`);
    });
  });

  describe('when a shard names two profiles or an empty one', () => {
    it('then the list is refused, since the server would never see that stripped header', async () => {
      const first = await listFile('ok-1.txt', `# profile: hp-1\n${ROW_A}\n`);
      const twice = await listFile('twice-2.txt', `# profile: hp-1\n# profile: hp-2\n${ROW_B}\n`);
      const empty = await listFile('empty-profile-2.txt', `# profile:\n${ROW_B}\n`);

      expect((await refusal([first, twice])).message).toBe(
        `the list file ${twice} has more than one "# profile:" header; a list file names exactly one hashing profile`,
      );
      expect((await refusal([first, empty])).message).toBe(
        `the list file ${empty} has an empty "# profile:" header; a list file names exactly one hashing profile`,
      );
    });
  });

  describe('when a file cannot be read', () => {
    it('then the list is refused naming it', async () => {
      const missing = path.join(dir, 'missing.txt');

      const error = await refusal([missing]);

      expect(error.message).toBe(`cannot read the list file ${missing}: no such file`);
    });
  });

  describe('when the server names bad lines of the body', () => {
    it('then they are given as files and lines of them, header lines left out counted back in', async () => {
      const first = await listFile('lines-1.txt', `# profile: hp-1\n${ROW_A}\nbad\n`);
      const second = await listFile('lines-2.txt', `# profile: hp-1\n\n${ROW_B}\nbad\n${ROW_C}`);
      const third = await listFile('lines-3.txt', `# profile: hp-1\nbad\n`);
      const body = new ListBody(await planShardedList([first, second, third]));
      // Body: 1 header, 2 ROW_A, 3 bad | 4 ROW_B (file line 3), 5 bad (4), 6 ROW_C (5) | 7 bad (file line 2).
      await bodyOf(body);

      const message = withFileLines('The list file has 3 invalid line(s): line 3, 5, 7. Each row must be ...', body.lines, 3);

      expect(message).toBe(
        `The list file has 3 invalid line(s): ${first} line 3; ${second} line 4; ${third} line 2. Each row must be ...`,
      );
    });

    it('then a message in an unknown form is kept and says what its numbers count', async () => {
      const body = new ListBody(await planShardedList([await listFile('form-1.txt', `${ROW_A}\n`), await listFile('form-2.txt', `x\n`)]));
      await bodyOf(body);

      const message = withFileLines('Bad rows at 2.', body.lines, 2);

      expect(message).toBe(
        'Bad rows at 2. (line numbers count the lines of all files joined in the order given, header lines of the ' +
          'second and later files left out)',
      );
    });
  });

  describe('when the body is read', () => {
    it('then progress counts the bytes of the files sent, up to their total', async () => {
      const files = [await listFile('progress-1.txt', `# profile: hp-1\n${ROW_A}\n`), await listFile('progress-2.txt', `# profile: hp-1\n${ROW_B}\n`)];
      const list = await planShardedList(files);
      const seen: UploadProgress[] = [];

      const body = await bodyOf(new ListBody(list, (progress) => seen.push(progress)));

      expect(list.totalBytes).toBe(Buffer.byteLength(body));
      expect(seen[0]).toEqual({ sentBytes: 0, totalBytes: list.totalBytes });
      expect(seen.at(-1)).toEqual({ sentBytes: list.totalBytes, totalBytes: list.totalBytes });
    });
  });
});
