import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { AdminClientError } from '../src/cli/admin-client/admin-client-error';
import { serverUrl, type AdminTarget } from '../src/cli/admin-client/admin-target';
import type { UploadProgress } from '../src/cli/admin-client/list-body';
import { megabytes } from '../src/cli/admin-client/megabytes';
import { publishExposure } from '../src/cli/admin-client/publish-exposure';
import { uploadList } from '../src/cli/admin-client/upload-list';

const TOKEN_VARIABLE = 'EXPOSURE_CHECK_TOKEN';
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

const USAGE = `Usage: ${TOKEN_VARIABLE}=<admin token> node dist/scripts/load-list.js --server <base URL> --exposure <exposure id> [--publish] <list file> [<more list files>...]
       (or: npm run -s load-list -- --server ... )

Uploads a hashed list file to an Exposure Check server (PUT /api/v1/admin/exposures/<id>/list),
streamed, with a progress bar on stderr, and prints the server's summary on stdout. The new list
replaces the exposure's current one in one step once all of it arrived valid; if anything fails,
the current list keeps answering.

  --server <URL>     the service's base URL, e.g. https://exposure-check.example.jp
  --exposure <id>    the exposure the list belongs to
  --publish          then publish the exposure (POST .../publish), so that it answers public checks
  -h, --help         this text

Several files are the shards of one list (hash-list --shard i/n) and are sent as one list: their
"# profile:" headers must agree (checked before anything is sent); the first file's header is sent
and the others' are left out. Errors about list lines name the file and its line.

The admin API token is read from the environment variable ${TOKEN_VARIABLE}, never from the
command line, where other users of the machine could see it in \`ps\`.

Exit status: 0 done, 1 failed (the message says why), 2 wrong usage.
`;

interface Invocation {
  target: AdminTarget;
  exposureId: string;
  publish: boolean;
  files: string[];
}

class UsageError extends Error {}

async function main(): Promise<number> {
  let invocation: Invocation | 'help';
  try {
    invocation = parseInvocation(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`load-list: ${error.message}\nRun with --help for usage.\n`);
    return EXIT_USAGE;
  }
  if (invocation === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const { target, exposureId, publish, files } = invocation;
  const progress = progressDisplay();
  try {
    const summary = await uploadList({ target, exposureId, files, onProgress: progress.update });
    progress.stop();
    process.stdout.write(
      `exposure ${exposureId}: version ${summary.version} loaded, ${summary.records} records, ${summary.duplicates} duplicates\n`,
    );
    if (publish) {
      await publishExposure(target, exposureId);
      process.stdout.write(`exposure ${exposureId}: published\n`);
    }
    return 0;
  } catch (error) {
    progress.stop();
    if (!(error instanceof AdminClientError)) throw error;
    process.stderr.write(`load-list: ${error.message}${hint(error)}\n`);
    return EXIT_FAILED;
  }
}

function parseInvocation(args: string[], env: NodeJS.ProcessEnv): Invocation | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        server: { type: 'string' },
        exposure: { type: 'string' },
        publish: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    if (args.some((arg) => arg === '--token' || arg.startsWith('--token='))) {
      throw new UsageError(`there is no --token option: put the token in ${TOKEN_VARIABLE} (an argument would show in \`ps\`)`);
    }
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (values.server === undefined) throw new UsageError('--server <base URL> is required');
  if (values.exposure === undefined || values.exposure === '') throw new UsageError('--exposure <exposure id> is required');
  if (positionals.length === 0) throw new UsageError('name at least one list file');
  const token = env[TOKEN_VARIABLE];
  if (token === undefined || token === '') {
    throw new UsageError(`${TOKEN_VARIABLE} is not set: export the admin API token in it (never on the command line, where \`ps\` shows it)`);
  }
  let server: URL;
  try {
    server = serverUrl(values.server);
  } catch (error) {
    throw new UsageError(`--server: ${(error as Error).message}`);
  }
  return { target: { server, token }, exposureId: values.exposure, publish: values.publish, files: positionals };
}

/** What the operator can do about a failure, where it is not already plain from the message. */
function hint(error: AdminClientError): string {
  if (error.status === 401) return `. Is ${TOKEN_VARIABLE} the server's ADMIN_API_TOKEN?`;
  return '';
}

/** A progress bar on stderr when it is a terminal; nothing otherwise, so logs and pipes stay clean. */
function progressDisplay(): { update: (progress: UploadProgress) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: '{phase} {bar} {percentage}% | {sent} of {size} MB | {rate} MB/s | ETA {eta_formatted}',
      hideCursor: true,
      // Many small updates: a longer window keeps the ETA from jumping.
      etaBuffer: 200,
    },
    Presets.shades_classic,
  );
  let startedAt = 0;
  let running = false;
  return {
    update: ({ sentBytes, totalBytes }) => {
      const seconds = (performance.now() - startedAt) / 1000;
      const payload = {
        // The connection buffers a few MB: the server is still importing those when all is sent.
        phase: sentBytes < totalBytes ? 'uploading' : 'sent, the server is finishing',
        sent: megabytes(sentBytes),
        size: megabytes(totalBytes),
        rate: running && seconds > 0 ? megabytes(sentBytes / seconds) : '0.0',
      };
      if (running) {
        bar.update(sentBytes, payload);
        return;
      }
      running = true;
      startedAt = performance.now();
      bar.start(totalBytes, sentBytes, payload);
    },
    stop: () => {
      if (running) bar.stop();
      running = false;
    },
  };
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Not an operator's error: a bug, so the stack helps.
    process.stderr.write(`load-list: unexpected failure: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = EXIT_FAILED;
  },
);
