import { Readable } from 'node:stream';
import { isAppError } from '../../src/errors/app-error';
import { openListFile } from '../../src/lists/list-file';

const ROW_A = 'a'.repeat(64);
const ROW_B = '0123456789abcdef'.repeat(4);

async function readAll(chunks: (string | Buffer)[], batchSize?: number) {
  const file = await openListFile(Readable.from(chunks), batchSize);
  const batches: Buffer[][] = [];
  for await (const batch of file.batches) batches.push(batch);
  return { profileId: file.profileId, batches, rows: batches.flat().map((row) => row.toString('hex')) };
}

async function failure(chunks: (string | Buffer)[]) {
  try {
    await readAll(chunks);
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('list file', () => {
  it('when it has a profile header, comments, blank lines, CRLF, upper-case hex and a BOM, then the rows are decoded', async () => {
    const text = `\uFEFF# list for exposure x\r\n# profile: hp-123\r\n\r\n${ROW_A.toUpperCase()}\r\n  \r\n${ROW_B}`;

    const result = await readAll([text]);

    expect(result.profileId).toBe('hp-123');
    expect(result.rows).toEqual([ROW_A, ROW_B]);
    expect(result.batches.flat().every((row) => row.length === 32)).toBe(true);
  });

  it('when lines are split across chunks at any byte, then the rows are the same', async () => {
    const text = `# profile: hp-1\n${ROW_A}\r\n${ROW_B}\n`;
    const bytes = [...Buffer.from(text)].map((byte) => Buffer.from([byte]));

    const result = await readAll(bytes);

    expect(result).toMatchObject({ profileId: 'hp-1', rows: [ROW_A, ROW_B] });
  });

  it('when there is no profile header, then the profile is null', async () => {
    expect((await readAll([`${ROW_A}\n`])).profileId).toBeNull();
  });

  it('when there are more rows than a batch holds, then they come in batches of that size', async () => {
    const rows = Array.from({ length: 5 }, (_, index) => index.toString(16).padStart(64, '0'));

    const result = await readAll([rows.join('\n')], 2);

    expect(result.batches.map((batch) => batch.length)).toEqual([2, 2, 1]);
    expect(result.rows).toEqual(rows);
  });

  it('when lines are bad, then it is invalid_list naming the first 10 line numbers but not their content', async () => {
    const secret = 'taro.yamada@example.jp';
    const lines = [ROW_A, secret, ROW_B, 'abc', '# late header', ...Array.from({ length: 10 }, () => 'zz'), ROW_A];

    const error = await failure([lines.join('\n')]);

    expect(error.code).toBe('invalid_list');
    expect(error.status).toBe(400);
    expect(error.message).toContain('line 2, 4, 5, 6, 7, 8, 9, 10, 11, 12 (');
    expect(error.message).toContain('first 10 of 13');
    expect(error.message).not.toContain(secret);
    expect(error.message).not.toContain('zz');
  });

  it('when a row is 63 or 65 characters or not hex, then it is bad', async () => {
    const error = await failure([[ROW_A.slice(1), `${ROW_A}0`, `${ROW_A.slice(1)}g`, ROW_B].join('\n')]);

    expect(error.message).toContain('line 1, 2, 3.');
  });

  it('when a line is very long without a line break, then it is one bad line and is not kept whole', async () => {
    const error = await failure([ROW_A, '\n', 'f'.repeat(100_000), 'f'.repeat(100_000), `\n${ROW_B}\n`]);

    expect(error.message).toContain('line 2.');
  });

  it('when the profile header is empty or two headers differ, then the header line is bad', async () => {
    expect((await failure([`# profile:\n${ROW_A}`])).message).toContain('line 1.');
    expect((await failure([`# profile: a\n# profile: b\n${ROW_A}`])).message).toContain('line 2.');
  });

  it('when the source breaks off, then it is upload_incomplete', async () => {
    async function* brokenSource() {
      yield Buffer.from(`${ROW_A}\n`);
      throw new Error('aborted');
    }

    const file = await openListFile(brokenSource());
    const read = async () => {
      for await (const _batch of file.batches);
    };

    await expect(read()).rejects.toMatchObject({ code: 'upload_incomplete', status: 400 });
  });
});
