import { AdminClientError } from './admin-client-error';
import { readListFileHeader, type ListFileHeader } from './list-file-header';

/** The part of one list file that goes into the upload. */
export interface ListPart {
  path: string;
  /** Byte range [start, end) of the file that is sent. */
  start: number;
  end: number;
  /** The line of the file that `start` begins. */
  firstFileLine: number;
}

/** One list made of one or more files, as it is uploaded: a single body. */
export interface ShardedList {
  /** The `# profile:` all files name; null when none names one (the server's current profile applies). */
  profileId: string | null;
  parts: ListPart[];
  /** Bytes of the files that are sent. */
  totalBytes: number;
}

/**
 * Several files are shards of one list (`hash-list --shard i/n` writes them): they go up as one
 * body. The list file format allows `#` lines only before the first row, so the first file is sent
 * whole and the others without their header. Their headers must name the same profile as the
 * first one, else the shards were hashed differently: refused before anything is sent, since the
 * server would never see the stripped headers.
 */
export async function planShardedList(paths: readonly string[]): Promise<ShardedList> {
  if (paths.length === 0) throw new AdminClientError('list_files', 'no list file was given');
  const headers: ListFileHeader[] = [];
  for (const path of paths) headers.push(await headerOf(path));
  const profileId = agreedProfile(headers);
  const parts = headers.map(
    (header, index): ListPart =>
      index === 0
        ? { path: header.path, start: 0, end: header.size, firstFileLine: 1 }
        : { path: header.path, start: header.rowsOffset, end: header.size, firstFileLine: header.linesBeforeRows + 1 },
  );
  return { profileId, parts, totalBytes: parts.reduce((sum, part) => sum + part.end - part.start, 0) };
}

async function headerOf(path: string): Promise<ListFileHeader> {
  try {
    return await readListFileHeader(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
    throw new AdminClientError('list_files', `cannot read the list file ${path}: ${why}`, { cause: error });
  }
}

function agreedProfile(headers: readonly ListFileHeader[]): string | null {
  const profiles = headers.map((header) => {
    const distinct = [...new Set(header.profileIds)];
    if (distinct.includes('') || distinct.length > 1) {
      throw new AdminClientError(
        'list_files',
        `the list file ${header.path} has ${distinct.includes('') ? 'an empty' : 'more than one'} "# profile:" header; ` +
          'a list file names exactly one hashing profile',
      );
    }
    return distinct[0] ?? null;
  });
  const first = profiles[0] ?? null;
  const differing = profiles.findIndex((profile) => profile !== first);
  if (differing !== -1) {
    throw new AdminClientError(
      'list_files',
      `the list files name different hashing profiles: ${headers[0]?.path} ${named(first)}, ` +
        `${headers[differing]?.path} ${named(profiles[differing] ?? null)}; shards of one list must all be ` +
        'hashed with the same profile. Nothing was sent.',
    );
  }
  return first;
}

function named(profile: string | null): string {
  return profile === null ? 'has no "# profile:" header' : `names ${profile}`;
}
