import { readdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { openListFile } from '../../src/lists/list-file';
import { expectedRows, rowsOf, runHashList, savedProfile, syntheticAddresses, tempDir } from './hash-list-fixtures';

describe('scripts/hash-list output', () => {
  let dir: string;
  let remove: () => Promise<void>;

  beforeEach(async () => {
    ({ dir, remove } = await tempDir());
  });
  afterEach(async () => {
    await remove();
  });

  describe('when hashing a text file with one address per line', () => {
    it('then each row is the argon2id of the normalized address, in input order, under a profile header the server reads', async () => {
      const { profile, file } = await savedProfile(dir);
      const addresses = syntheticAddresses(40, 'order');
      const input = path.join(dir, 'addresses.txt');
      const out = path.join(dir, 'list.txt');
      await writeFile(input, `${addresses.join('\n')}\n`);

      const result = await runHashList(['--profile', file, '--out', out, input]);

      expect(result.code).toBe(0);
      expect(await rowsOf(out)).toEqual(await expectedRows(addresses, profile));
      const text = await readFile(out, 'utf8');
      expect(text.split('\n')[0]).toBe(`# profile: ${profile.id}`);
      expect(text).toMatch(/^(#[^\n]*\n)+([0-9a-f]{64}\n){40}$/);
      // The server's own list-file reader takes it whole.
      const parsed = await openListFile(Readable.from([text]));
      let parsedRows = 0;
      for await (const batch of parsed.batches) parsedRows += batch.length;
      expect(parsed.profileId).toBe(profile.id);
      expect(parsedRows).toBe(40);
      expect(result.stdout).toContain('40 rows');
      expect(result.stdout).toContain(`${availableParallelism()} hashes in flight`);
      // Nothing is left beside the list: no partial file, no checkpoint, no copy of the input.
      expect((await readdir(dir)).sort()).toEqual(['addresses.txt', 'list.txt', path.basename(file)].sort());
    });
  });

  describe('when the same address comes full-width, upper-case, with a BOM, CRLF and spaces', () => {
    it('then every form hashes to the row of its plain ASCII form, and blank lines are skipped silently', async () => {
      const { profile, file } = await savedProfile(dir);
      const input = path.join(dir, 'addresses.txt');
      const out = path.join(dir, 'list.txt');
      const forms = ['taro.yamada@example.jp', 'ＴＡＲＯ．ＹＡＭＡＤＡ＠ＥＸＡＭＰＬＥ．ＪＰ', 'Taro.Yamada@Example.JP', '  TARO.yamada@EXAMPLE.jp\t'];
      await writeFile(input, `\uFEFF${forms.join('\r\n')}\r\n\r\n   \r\n\u3000\r\n`);

      const result = await runHashList(['--profile', file, '--out', out, input]);

      expect(result.code).toBe(0);
      const [plain] = await expectedRows(['taro.yamada@example.jp'], profile);
      expect(await rowsOf(out)).toEqual([plain, plain, plain, plain]);
      expect(result.stderr).not.toContain('Warning');
    });
  });

  describe('when hashing a named column of a CSV file with quoted commas, quotes and line breaks', () => {
    it('then the column is hashed row by row and invalid rows are named by their physical line', async () => {
      const { profile, file } = await savedProfile(dir);
      const input = path.join(dir, 'customers.csv');
      const out = path.join(dir, 'list.txt');
      const csv = [
        '\uFEFFid,name,"e-mail address",note', // 1
        '1,"Yamada, Taro",taro@example.jp,"says ""hi""', // 2
        'over two lines"', // 3
        '2,Suzuki,"ＨＡＮＡＫＯ＠ＥＸＡＭＰＬＥ．ＪＰ",', // 4
        '', // 5
        '3,"No address",,"quoted, with comma"', // 6: empty field: skipped silently
        '4,Broken,not-an-address,', // 7: invalid
        '5,"Multi', // 8
        'line name","kenji+news@example.jp",x', // 9
        '6,Short', // 10: no such field: invalid
        '7,Last,yuki@example.com,', // 11
      ].join('\r\n');
      await writeFile(input, `${csv}\r\n`);

      const result = await runHashList(['--profile', file, '--out', out, '--column', 'e-mail address', input]);

      expect(result.code).toBe(0);
      expect(await rowsOf(out)).toEqual(
        await expectedRows(['taro@example.jp', 'hanako@example.jp', 'kenji+news@example.jp', 'yuki@example.com'], profile),
      );
      expect(result.stderr).toContain('2 input line(s) are not valid email addresses');
      expect(result.stderr).toContain('line 7, 10)');
    });
  });

  describe('when the CSV header has no column of that name', () => {
    it('then it is refused before anything is written, without echoing the header', async () => {
      const { file } = await savedProfile(dir);
      const input = path.join(dir, 'customers.csv');
      const out = path.join(dir, 'list.txt');
      await writeFile(input, 'taro@example.jp,x\nhanako@example.jp,y\n');

      const result = await runHashList(['--profile', file, '--out', out, '--column', 'email', input]);

      expect(result.code).toBe(2);
      expect(result.stderr).toContain('no column named "email"');
      expect(result.stderr).not.toContain('taro');
      expect((await readdir(dir)).sort()).toEqual(['customers.csv', path.basename(file)].sort());
    });
  });

  describe('when the CSV quoting is broken', () => {
    it('then it is refused with the line, not the field, before any hashing', async () => {
      const { file } = await savedProfile(dir);
      const input = path.join(dir, 'customers.csv');
      const out = path.join(dir, 'list.txt');
      await writeFile(input, 'email\nok@example.jp\n"secret-local"part@example.jp\n');

      const result = await runHashList(['--profile', file, '--out', out, '--column', 'email', input]);

      expect(result.code).toBe(1);
      expect(result.stderr).toContain('malformed near line 3');
      expect(result.stderr).not.toContain('secret-local');
      expect(await readdir(dir)).not.toContain('list.txt.partial');
    });
  });

  describe('when hashing with the default OWASP profile (m=19456 KiB, t=2, p=1)', () => {
    it('then the rows equal the server-side hashing of the same profile', async () => {
      const { profile, file } = await savedProfile(dir, { memoryKiB: 19456, iterations: 2, parallelism: 1 });
      const addresses = ['taro.yamada@example.jp', 'hanako.suzuki@ドメイン.jp', 'kenji.sato+porsche@example.jp'];
      const input = path.join(dir, 'addresses.txt');
      const out = path.join(dir, 'list.txt');
      await writeFile(input, addresses.join('\n'));

      const result = await runHashList(['--profile', file, '--out', out, input]);

      expect(result.code).toBe(0);
      expect(await rowsOf(out)).toEqual(await expectedRows(addresses, profile));
    });
  });

  describe('operator mistakes', () => {
    it.each([
      ['the input file is missing', 1, 'does not exist', (input: string, out: string, profile: string) => ['--profile', profile, '--out', out, `${input}.nope`]],
      ['--profile is missing', 2, 'Missing --profile', (input: string, out: string) => ['--out', out, input]],
      ['--out is missing', 2, 'Missing --out', (input: string, _out: string, profile: string) => ['--profile', profile, input]],
      ['an option is unknown', 2, 'Unknown option', (input: string, out: string, profile: string) => ['--profile', profile, '--out', out, '--colum', 'x', input]],
      ['--out is the input', 2, 'must not be the input', (input: string, _out: string, profile: string) => ['--profile', profile, '--out', input, input]],
    ])('when %s, then it exits %i with a message saying so', async (_case, code, message, argsOf) => {
      const { file } = await savedProfile(dir);
      const input = path.join(dir, 'addresses.txt');
      await writeFile(input, 'taro@example.jp\n');

      const result = await runHashList(argsOf(input, path.join(dir, 'list.txt'), file));

      expect(result.code).toBe(code);
      expect(result.stderr).toContain(message);
      expect(await readdir(dir)).not.toContain('list.txt');
    });

    it('when --out exists already, then it is left untouched and the run refused', async () => {
      const { file } = await savedProfile(dir);
      const input = path.join(dir, 'addresses.txt');
      const out = path.join(dir, 'list.txt');
      await writeFile(input, 'taro@example.jp\n');
      await writeFile(out, 'an earlier list\n');

      const result = await runHashList(['--profile', file, '--out', out, input]);

      expect(result.code).toBe(1);
      expect(result.stderr).toContain('exists already');
      expect(await readFile(out, 'utf8')).toBe('an earlier list\n');
    });

    it('when no line is a valid address, then no list file is written and it exits 1', async () => {
      const { file } = await savedProfile(dir);
      const input = path.join(dir, 'addresses.txt');
      await writeFile(input, 'name\nnot an address\n');

      const result = await runHashList(['--profile', file, '--out', path.join(dir, 'list.txt'), input]);

      expect(result.code).toBe(1);
      expect(result.stderr).toContain('No valid address');
      expect((await readdir(dir)).sort()).toEqual(['addresses.txt', path.basename(file)].sort());
    });
  });
});
