/** bench:private's flags; the defaults keep a run under about five minutes on 2 cores. */
export interface PrivateBenchOptions {
  /** Seconds of each measured load round. */
  seconds: number;
  /** Rounds per configuration, the service's alternating with the bare handler's so that drift weighs on both. */
  rounds: number;
  /** Seconds of load on each process before the rounds, not counted (V8 optimizes the request path). */
  warmUp: number;
  /** autocannon connections in all, shared among the processes. */
  connections: number;
  /** Rows of the small list (through the upload pipeline) and of the large one (through the ListStore API). */
  smallRows: number;
  largeRows: number;
  /** Addresses hashed with argon2id for the queries, and blindings of each (distinct blinded elements). */
  addresses: number;
  blindsPerAddress: number;
  /** Seconds of the raw OPRF reference per thread count. */
  referenceSeconds: number;
  /** Seconds of the server-side check's context figure; 0 leaves it out. */
  checkSeconds: number;
}

const DEFAULTS: PrivateBenchOptions = {
  seconds: 8,
  rounds: 2,
  warmUp: 5,
  connections: 32,
  smallRows: 30_000,
  largeRows: 3_100_000,
  addresses: 128,
  blindsPerAddress: 8,
  referenceSeconds: 3,
  checkSeconds: 5,
};

const FLAGS: Record<string, keyof PrivateBenchOptions> = {
  '--seconds': 'seconds',
  '--rounds': 'rounds',
  '--warm-up': 'warmUp',
  '--connections': 'connections',
  '--small-rows': 'smallRows',
  '--large-rows': 'largeRows',
  '--addresses': 'addresses',
  '--blinds': 'blindsPerAddress',
  '--reference-seconds': 'referenceSeconds',
  '--check-seconds': 'checkSeconds',
};

/** `--seconds 8 --rounds 2 ...`: each a whole number (at least 1; --warm-up and --check-seconds may be 0). */
export function privateBenchOptions(args: readonly string[]): PrivateBenchOptions {
  const options = { ...DEFAULTS };
  for (let i = 0; i < args.length; i += 2) {
    const name = FLAGS[args[i] as string];
    if (name === undefined) throw new Error(`unknown flag ${args[i]}; known: ${Object.keys(FLAGS).join(' ')}`);
    const value = Number(args[i + 1]);
    const least = name === 'warmUp' || name === 'checkSeconds' ? 0 : 1;
    if (!Number.isInteger(value) || value < least) throw new Error(`${args[i]} needs a whole number of at least ${least}`);
    options[name] = value;
  }
  return options;
}
