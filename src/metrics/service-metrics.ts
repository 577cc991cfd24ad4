import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ListImportProgress } from '../lists';
import { CHECK_OUTCOMES, type CheckOutcome } from './check-outcome';

/** What the check queue reports; the shape of BoundedWorkQueue's figures. */
export interface CheckQueueReading {
  running: number;
  waiting: number;
  /** Checks refused because the queue was full, since the start. */
  shed: number;
}

const PREFIX = 'exposure_check_';

/**
 * Every metric of one service instance, in a registry of its own (never prom-client's global one:
 * two apps in one process, as in the tests, must not share counts). Labels take fixed values only.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly #checks: Counter<'outcome'>;
  readonly #checkSeconds: Histogram;
  readonly #rateLimited: Counter;
  readonly #importRows: Counter;
  readonly #importsRunning: Gauge;
  readonly #imports: Counter<'outcome'>;
  #queue: (() => CheckQueueReading) | undefined;

  constructor() {
    const registers = [this.registry];
    this.#checks = new Counter({
      name: `${PREFIX}checks_total`,
      help: 'Checks by outcome (page and API).',
      labelNames: ['outcome'],
      registers,
    });
    // Zero from the start, so a rate() over a fresh instance is not "no data".
    for (const outcome of CHECK_OUTCOMES) this.#checks.inc({ outcome }, 0);
    this.#checkSeconds = new Histogram({
      name: `${PREFIX}check_duration_seconds`,
      help: 'Time to answer a check that got an answer (affected or not), queue wait included.',
      // Around argon2id's ~25 ms at OWASP costs, up to a queue several hashes deep and a slow store.
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.#rateLimited = new Counter({
      name: `${PREFIX}rate_limited_total`,
      help: 'Requests refused with 429 by a rate limit.',
      registers,
    });
    const queue = () => this.#queue?.();
    new Gauge({
      name: `${PREFIX}check_queue_running`,
      help: 'Checks hashing now.',
      registers,
      collect() {
        this.set(queue()?.running ?? 0);
      },
    });
    new Gauge({
      name: `${PREFIX}check_queue_waiting`,
      help: 'Checks waiting for a hashing slot.',
      registers,
      collect() {
        this.set(queue()?.waiting ?? 0);
      },
    });
    new Counter({
      name: `${PREFIX}check_queue_shed_total`,
      help: 'Checks refused at once (503 overloaded) because the queue was full.',
      registers,
      collect() {
        // The queue keeps the running total; a counter cannot be set, so it is rebuilt on each scrape.
        this.reset();
        this.inc(queue()?.shed ?? 0);
      },
    });
    this.#importRows = new Counter({
      name: `${PREFIX}list_import_rows_total`,
      help: 'Rows received by hashed-list uploads (duplicates and rows of failed uploads included).',
      registers,
    });
    this.#importsRunning = new Gauge({
      name: `${PREFIX}list_imports_in_progress`,
      help: 'Hashed-list uploads under way.',
      registers,
    });
    this.#imports = new Counter({
      name: `${PREFIX}list_imports_total`,
      help: 'Hashed-list uploads that ended, by outcome.',
      labelNames: ['outcome'],
      registers,
    });
    for (const outcome of ['live', 'failed'] as const) this.#imports.inc({ outcome }, 0);
  }

  /** Counts one check; `seconds` only for checks that got an answer. */
  countCheck(outcome: CheckOutcome, seconds?: number): void {
    this.#checks.inc({ outcome });
    if (seconds !== undefined) this.#checkSeconds.observe(seconds);
  }

  /** Counts a 429. A refused check also counts as a check with outcome rate_limited. */
  countRateLimited(wasCheck: boolean): void {
    this.#rateLimited.inc();
    if (wasCheck) this.#checks.inc({ outcome: 'rate_limited' });
  }

  /** Where queue depth and the shed count come from; read on each scrape. */
  watchCheckQueue(source: () => CheckQueueReading): void {
    this.#queue = source;
  }

  /** Progress of list uploads, for the list service to report into. */
  readonly listImports: ListImportProgress = {
    begin: () => {
      this.#importsRunning.inc();
      let ended = false;
      return {
        rows: (count) => this.#importRows.inc(count),
        end: (outcome) => {
          if (ended) return;
          ended = true;
          this.#importsRunning.dec();
          this.#imports.inc({ outcome });
        },
      };
    },
  };
}
