// First, before anything can start libuv's threadpool: argon2 hashes on it, one thread per core.
import '../src/cli/hash-list/reserve-threadpool';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { hashList, type HashListStatus } from '../src/cli/hash-list/hash-list-service';
import type { InputFormat } from '../src/cli/hash-list/data-row';
import { MAX_REPORTED_INVALID_LINES, type InvalidLines } from '../src/cli/hash-list/invalid-lines';
import { OperatorError } from '../src/cli/hash-list/operator-error';
import { loadHashingProfile } from '../src/cli/hash-list/profile-source';
import { parseShard, shardLabel, WHOLE_INPUT, type Shard } from '../src/cli/hash-list/shard';
import { hashingConcurrency } from '../src/shared/threadpool-size';

const USAGE = `Usage: npm run hash-list -- --profile <server-url|profile.json> --out <list.txt> [options] <input>

Hashes plaintext email addresses into a list file for PUT /api/v1/admin/exposures/{id}/list.
Run it on your own machine: only the list file leaves it.

  <input>                 text file with one address per line, or a CSV file with --column
  --profile <url|file>    the server's base URL (reads GET /api/v1/hashing-profile) or that JSON saved to a file
  --out <file>            the list file to write (never overwritten; <file>.partial and <file>.progress meanwhile)
  --column <name>         read the input as CSV with a header row and hash this column
  --shard <i/n>           hash only data rows i, i+n, i+2n, ... (one machine of n)
  --restart               discard the progress of an earlier run into the same --out and start over
  --help                  this text

Exit codes: 0 list written; 1 operator error (message says which); 2 bad arguments; 130 interrupted
(progress saved: run the same command again to resume).`;

/** Signals this soon after the first are echoes (a terminal and a wrapper sending the same Ctrl-C). */
const SIGNAL_ECHO_MS = 1000;
const REDRAW_MS = 100;

interface Arguments {
  input: string;
  profile: string;
  out: string;
  format: InputFormat;
  shard: Shard;
  restart: boolean;
}

function parseArguments(argv: string[]): Arguments | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        profile: { type: 'string' },
        out: { type: 'string' },
        column: { type: 'string' },
        shard: { type: 'string' },
        restart: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new OperatorError(`${(error as Error).message}\n\n${USAGE}`, { usage: true });
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const missing = [
    ...(values.profile === undefined ? ['--profile'] : []),
    ...(values.out === undefined ? ['--out'] : []),
    ...(positionals.length === 0 ? ['<input>'] : []),
  ];
  if (missing.length > 0) throw new OperatorError(`Missing ${missing.join(', ')}.\n\n${USAGE}`, { usage: true });
  if (positionals.length > 1) throw new OperatorError(`One input file at a time (got ${positionals.length}).`, { usage: true });
  if (values.column !== undefined && values.column.trim() === '') throw new OperatorError('--column must not be empty.', { usage: true });
  return {
    input: positionals[0] ?? '',
    profile: values.profile ?? '',
    out: values.out ?? '',
    format: values.column === undefined ? { kind: 'lines' } : { kind: 'csv', column: values.column.trim() },
    shard: values.shard === undefined ? WHOLE_INPUT : parseShard(values.shard),
    restart: values.restart,
  };
}

/** The progress bar on a terminal; nothing otherwise (logs and pipes get the summary only). */
class ProgressDisplay {
  readonly #bar: SingleBar | null;
  #startedAt = performance.now();
  #drawnAt = 0;

  constructor(stream: NodeJS.WriteStream) {
    this.#bar = stream.isTTY
      ? new SingleBar(
          {
            stream,
            format: ' {bar} {percentage}% | line {value}/{total} | {rows} rows | {rate} rows/s | ETA {eta_formatted}',
            hideCursor: true,
            etaBuffer: 60,
          },
          Presets.shades_classic,
        )
      : null;
  }

  /** Rates count from here: after the first pass over the input, when hashing starts. */
  start(status: HashListStatus): void {
    this.#startedAt = performance.now();
    this.#bar?.start(status.totalLines, status.progress.lines, this.#payload(status));
  }

  update(status: HashListStatus): void {
    const now = performance.now();
    if (now - this.#drawnAt < REDRAW_MS) return;
    this.#drawnAt = now;
    this.#bar?.update(status.progress.lines, this.#payload(status));
  }

  stop(status?: HashListStatus): void {
    if (status !== undefined) this.#bar?.update(status.progress.lines, this.#payload(status));
    this.#bar?.stop();
  }

  rate(status: HashListStatus): number {
    const seconds = (performance.now() - this.#startedAt) / 1000;
    return seconds > 0 ? status.rowsHashedThisRun / seconds : 0;
  }

  seconds(): number {
    return (performance.now() - this.#startedAt) / 1000;
  }

  #payload(status: HashListStatus): { rows: string; rate: string } {
    return { rows: status.progress.rowsWritten.toLocaleString('en-US'), rate: this.rate(status).toFixed(1) };
  }
}

function invalidLinesWarning(invalid: InvalidLines): string {
  const named = invalid.firstLines.join(', ');
  const which = invalid.count > invalid.firstLines.length ? `the first ${MAX_REPORTED_INVALID_LINES}: lines ${named}` : `line ${named}`;
  const encoding =
    invalid.notUtf8 > 0
      ? ` ${invalid.notUtf8.toLocaleString('en-US')} of them are not UTF-8 text: save the input as UTF-8 (for example ` +
        '`iconv -f CP932 -t UTF-8`) and hash it again into a new --out.'
      : '';
  return (
    `Warning: ${invalid.count.toLocaleString('en-US')} input line(s) are not valid email addresses and were skipped ` +
    `(${which}). Their addresses are not in the list.${encoding}\n`
  );
}

function summary(status: HashListStatus, display: ProgressDisplay, args: Arguments, profileId: string, concurrency: number): string {
  const count = (value: number) => value.toLocaleString('en-US');
  const lines = [
    `Wrote ${args.out}: ${count(status.progress.rowsWritten)} rows, profile ${profileId}` +
      `${args.shard.count > 1 ? `, shard ${shardLabel(args.shard)}` : ''}.`,
  ];
  if (status.resumedFrom !== null) {
    lines.push(
      `Resumed from a checkpoint: ${count(status.resumedFrom.rowsWritten)} rows were already written; ` +
        `hashed ${count(status.rowsHashedThisRun)} in this run.`,
    );
  }
  lines.push(
    `Hashed ${count(status.rowsHashedThisRun)} rows in ${display.seconds().toFixed(1)} s ` +
      `(${display.rate(status).toFixed(1)} rows/s, ${concurrency} hashes in flight).`,
  );
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<number> {
  const args = parseArguments(process.argv.slice(2));
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const profile = await loadHashingProfile(args.profile);
  const concurrency = hashingConcurrency();
  const display = new ProgressDisplay(process.stderr);
  const stop = new AbortController();
  let firstSignalAt: number | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    const now = performance.now();
    if (firstSignalAt === null) {
      firstSignalAt = now;
      display.stop();
      process.stderr.write(`${signal}: finishing the rows in flight and saving the checkpoint (signal again to quit at once)...\n`);
      stop.abort();
    } else if (now - firstSignalAt > SIGNAL_ECHO_MS) {
      // The checkpoint on disk is consistent at every moment; only the last second's rows are lost.
      process.exit(130);
    }
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, onSignal);
  try {
    const outcome = await hashList(
      { inputPath: args.input, format: args.format, profile, shard: args.shard, outPath: args.out, restart: args.restart, concurrency },
      {
        signal: stop.signal,
        onStart: (status) => {
          if (status.resumedFrom !== null) {
            process.stderr.write(
              `Resuming: ${status.resumedFrom.rowsWritten.toLocaleString('en-US')} rows already written, ` +
                `continuing after input line ${status.resumedFrom.lines}.\n`,
            );
          }
          display.start(status);
        },
        onProgress: (status) => display.update(status),
      },
    );
    display.stop(outcome);
    if (!outcome.finished) {
      process.stderr.write(
        `Interrupted: ${outcome.progress.rowsWritten.toLocaleString('en-US')} rows are saved in ${outcome.writtenTo} ` +
          `(checkpoint ${args.out}.progress). Run the same command again to resume.\n`,
      );
      return 130;
    }
    // Reported once the whole input is read: an interrupted run's count would only be partial.
    if (outcome.progress.invalid.count > 0) process.stderr.write(invalidLinesWarning(outcome.progress.invalid));
    process.stdout.write(summary(outcome, display, args, profile.id, concurrency));
    return 0;
  } finally {
    display.stop();
    for (const signal of signals) process.off(signal, onSignal);
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof OperatorError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = error.usage ? 2 : 1;
    } else {
      process.stderr.write(`hash-list failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
