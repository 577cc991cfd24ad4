import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { type CheckRateLimitSettings, parseTrustProxy, type TrustProxy } from '../abuse';
import { canonicalTimeZone, DEFAULT_TIME_ZONE, type WorkQueueLimits } from '../shared';
import type { StaffAuthSettings } from '../sign-in';
import { ConfigError } from '../errors';
import { type Argon2Costs, parseOprfSecretKey } from '../hashing';
import { isVerifiableHttpsUrl, type OperatorIdentity } from '../http';
import type { RedisTarget } from '../store';
import { redisTargetOf } from './redis-target';


export interface Config {
  port: number;
  /**
   * The address to listen on; absent: every interface. Demo mode defaults to 127.0.0.1: it prints
   * the demo admin's password in its log, so only this machine may reach it unless HOST says otherwise.
   */
  host: string | undefined;
  /** The whole request, headers and body, must arrive within this long (list uploads excepted: see below). */
  requestTimeoutMs: number;
  /** A list upload is cut off when nothing of its body arrives for this long (it may take minutes in all). */
  listUploadIdleMs: number;
  /** Where the store is (REDIS_URL or REDIS_CLUSTER_NODES); absent: demo mode on the embedded in-memory store. */
  redis: RedisTarget | undefined;
  /** Namespace for every key this service writes, so several deployments (or test files) can share one Redis. */
  redisKeyPrefix: string;
  /** 32-byte ristretto255 scalar; required with Redis, random per process in demo mode when absent. */
  oprfSecretKey: Uint8Array | undefined;
  adminApiToken: string | undefined;
  /** Used only when the store holds no hashing profile yet. */
  newProfileArgon2: Argon2Costs;
  logLevel: string;
  /** Bearer token for GET /metrics; absent: /metrics is closed. */
  metricsToken: string | undefined;
  /** How long SIGTERM waits for requests in flight before cutting them off. */
  shutdownTimeoutMs: number;
  /** Absent: the public page names no operator (demo mode says it is a demonstration instead). */
  operator: OperatorIdentity | undefined;
  /** Express's `trust proxy`: which X-Forwarded-For hops to believe when finding the client's IP. */
  trustProxy: TrustProxy;
  /** Checks per minute per IP, per IPv6 /64 and for the deployment; 0 turns one off. */
  checkRateLimits: CheckRateLimitSettings;
  /** Load shedding: argon2 hashes of checks running at once, and checks waiting for one; the rest get 503 overloaded. */
  checkQueue: WorkQueueLimits;
  /** Staff sessions' timeouts and the sign-in throttle. */
  staffAuth: StaffAuthSettings;
  /**
   * The IANA time zone (canonical name) the statistics count days in and the consoles show times
   * and take dates in (TIME_ZONE).
   */
  timeZone: string;
  /**
   * What a private check's query names of argon2id's output (PRIVATE_CHECK_BUCKET_BITS): the
   * operator can narrow a querier to about customers / 2^bits of them; fewer bits, larger answers.
   */
  privateCheckBucketBits: number;
}

/** Every variable the service reads; the compose file test checks deployments against it. */
export const CONFIG_VARIABLES = [
  'PORT',
  'HOST',
  'REQUEST_TIMEOUT_SECONDS',
  'LIST_UPLOAD_IDLE_SECONDS',
  'REDIS_URL',
  'REDIS_CLUSTER_NODES',
  'REDIS_USERNAME',
  'REDIS_PASSWORD',
  'REDIS_TLS',
  'REDIS_CLUSTER_NAT_MAP',
  'REDIS_KEY_PREFIX',
  'OPRF_SECRET_KEY',
  'ADMIN_API_TOKEN',
  'ARGON2_MEMORY_KIB',
  'ARGON2_ITERATIONS',
  'ARGON2_PARALLELISM',
  'LOG_LEVEL',
  'METRICS_TOKEN',
  'SHUTDOWN_TIMEOUT_SECONDS',
  'OPERATOR_NAME_JA',
  'OPERATOR_NAME_EN',
  'OPERATOR_URL',
  'TRUST_PROXY',
  'RATE_LIMIT_PER_IP',
  'RATE_LIMIT_PER_IPV6_64',
  'RATE_LIMIT_GLOBAL',
  'PRIVATE_CHECK_BUCKET_BITS',
  'CHECK_MAX_RUNNING',
  'CHECK_MAX_WAITING',
  'STAFF_SESSION_IDLE_MINUTES',
  'STAFF_SESSION_MAX_HOURS',
  'LOGIN_MAX_FAILURES_PER_ACCOUNT',
  'LOGIN_LOCKOUT_MINUTES',
  'LOGIN_MAX_FAILURES_PER_IP_PER_HOUR',
  'PASSWORD_HASH_MAX_RUNNING',
  'PASSWORD_HASH_MAX_WAITING',
  'TIME_ZONE',
] as const;

const integer = (min: number, max: number, fallback: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
    .default(fallback);

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const schema = z.object({
  PORT: integer(1, 65535, 3000),
  // An address, not a name to resolve: what the service is reachable on must not depend on DNS.
  HOST: optionalText.pipe(
    z
      .string()
      .refine(
        (value) => value === 'localhost' || isIP(value) !== 0,
        'must be an IP address to listen on (127.0.0.1 or ::1 for this machine only, 0.0.0.0 or :: for every interface) or localhost',
      )
      .optional(),
  ),
  // Whole requests of this service are a few kilobytes: 20 s is ample on a poor mobile link, and a
  // client that trickles its request (slowloris) holds a connection no longer than that.
  REQUEST_TIMEOUT_SECONDS: integer(1, 600, 20),
  // A list upload streams for minutes; a healthy client never goes this long without sending.
  LIST_UPLOAD_IDLE_SECONDS: integer(1, 3600, 30),
  REDIS_URL: optionalText.pipe(
    z
      .string()
      .regex(/^rediss?:\/\/.+/, 'must be a redis:// or rediss:// URL')
      .optional(),
  ),
  // A cluster: its seeds (host:port, comma-separated), and what REDIS_URL would carry for one Redis.
  REDIS_CLUSTER_NODES: optionalText,
  REDIS_USERNAME: optionalText,
  REDIS_PASSWORD: optionalText,
  REDIS_TLS: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  REDIS_CLUSTER_NAT_MAP: optionalText,
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_.-]{0,64}$/, 'may hold only letters, digits and : _ . - (no braces: they would break hash tags)')
    .default('xc:'),
  OPRF_SECRET_KEY: optionalText,
  ADMIN_API_TOKEN: optionalText.pipe(z.string().min(32, 'must be at least 32 characters long').optional()),
  // OWASP's argon2id recommendation: m=19456 KiB, t=2, p=1.
  ARGON2_MEMORY_KIB: integer(8192, 4 * 1024 * 1024, 19456),
  ARGON2_ITERATIONS: integer(1, 100, 2),
  ARGON2_PARALLELISM: integer(1, 16, 1),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  METRICS_TOKEN: optionalText.pipe(z.string().min(32, 'must be at least 32 characters long').optional()),
  // Below Kubernetes' default 30 s grace period, so the service ends itself and says why.
  SHUTDOWN_TIMEOUT_SECONDS: integer(1, 3600, 25),
  OPERATOR_NAME_JA: optionalText.pipe(z.string().max(100, 'must be at most 100 characters long').optional()),
  OPERATOR_NAME_EN: optionalText.pipe(z.string().max(100, 'must be at most 100 characters long').optional()),
  OPERATOR_URL: optionalText.pipe(
    z
      .string()
      .refine(isVerifiableHttpsUrl, 'must be an https:// URL (the operator\'s official announcement)')
      .optional(),
  ),
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((value, context) => {
      try {
        return parseTrustProxy(value);
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  // Checks per minute. One person checks a few addresses; 10 leaves room for typos and family.
  RATE_LIMIT_PER_IP: integer(0, 1_000_000, 10),
  // A /64 is usually one household or office: several people, each free to rotate addresses in it.
  RATE_LIMIT_PER_IPV6_64: integer(0, 1_000_000, 30),
  // For the whole deployment: 3000/min = 50/s, about 60% of one 2-core instance's argon2id ceiling
  // (~80 hashes/s at OWASP costs), leaving room for pages and list uploads. Scale with instances.
  RATE_LIMIT_GLOBAL: integer(0, 1_000_000, 3000),
  // 12 bits: 4,096 groups, about 760 customers each for a company of 3.1 million (the operator,
  // who knows its customers, learns which group a querier is in), and about 11 KiB of digests in
  // an answer for such a list. At most the stored buckets' 12 bits (src/lists/stored-buckets.ts:
  // a finer query could not be answered from them); 8 bits would be groups of 12,000.
  PRIVATE_CHECK_BUCKET_BITS: integer(8, 12, 12),
  // One argon2 hash per core: each keeps one core busy, so more in flight only slows all of them.
  CHECK_MAX_RUNNING: integer(1, 1024, availableParallelism()),
  // Unset: half of CHECK_MAX_RUNNING, rounded up (see loadConfig). A waiting place only has to cover
  // the moment between a check's hash ending and its client's next request arriving (a few ms of a
  // ~25 ms hash), so half keeps every core hashing under a steady load (bench:check), while an
  // accepted check waits at most about half a hash-time: issue 6's bound (accepted p99 < 4x a lone
  // check's latency) holds with room to spare, where as many places as slots kept it by a hair.
  CHECK_MAX_WAITING: z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().max(100_000, 'must be at most 100000'))
    .optional(),
  // OWASP's session guidance for a console used all day: short idle, one working day at most.
  STAFF_SESSION_IDLE_MINUTES: integer(1, 24 * 60, 30),
  STAFF_SESSION_MAX_HOURS: integer(1, 7 * 24, 12),
  // Five wrong passwords in a row lock a username for 15 minutes: a typo-prone person is not
  // locked out for long, a guesser gets 20 tries an hour. Per IP, 30 failures an hour across
  // usernames: enough for an office behind one NAT, too few to spray passwords.
  LOGIN_MAX_FAILURES_PER_ACCOUNT: integer(1, 1000, 5),
  LOGIN_LOCKOUT_MINUTES: integer(1, 24 * 60, 15),
  LOGIN_MAX_FAILURES_PER_IP_PER_HOUR: integer(1, 1_000_000, 30),
  // Staff password hashes (sign-ins, new accounts, resets) have a queue of their own, kept small so
  // that a flood of sign-ins holds one core at most and the checks keep the rest. One verification
  // takes some 25 ms: a staff member waits at most five of them; the rest are refused at once.
  PASSWORD_HASH_MAX_RUNNING: integer(1, 64, 1),
  PASSWORD_HASH_MAX_WAITING: integer(0, 1000, 4),
  // One zone for the statistics' days and every time the consoles show, named on the pages.
  TIME_ZONE: z
    .string()
    .trim()
    .default(DEFAULT_TIME_ZONE)
    .transform((value, context) => {
      const zone = canonicalTimeZone(value);
      if (zone === undefined) {
        context.addIssue({ code: 'custom', message: 'must be an IANA time zone name, such as Asia/Tokyo, Europe/Berlin or UTC' });
        return z.NEVER;
      }
      return zone;
    }),
});

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const values = parsed.data;
  let oprfSecretKey: Uint8Array | undefined;
  if (values.OPRF_SECRET_KEY !== undefined) {
    try {
      oprfSecretKey = parseOprfSecretKey(values.OPRF_SECRET_KEY);
    } catch (error) {
      throw new ConfigError(`Invalid configuration: OPRF_SECRET_KEY ${(error as Error).message}`);
    }
  }
  let redis: RedisTarget | undefined;
  try {
    redis = redisTargetOf(values);
  } catch (error) {
    throw new ConfigError(`Invalid configuration: ${(error as Error).message}`);
  }
  if (redis !== undefined && oprfSecretKey === undefined) {
    throw new ConfigError(
      `Invalid configuration: OPRF_SECRET_KEY is required when ${redis.kind === 'single' ? 'REDIS_URL' : 'REDIS_CLUSTER_NODES'} is set ` +
        '(generate one with `npm run -s keygen`).',
    );
  }
  return {
    port: values.PORT,
    host: values.HOST ?? (redis === undefined ? '127.0.0.1' : undefined),
    requestTimeoutMs: values.REQUEST_TIMEOUT_SECONDS * 1000,
    listUploadIdleMs: values.LIST_UPLOAD_IDLE_SECONDS * 1000,
    redis,
    redisKeyPrefix: values.REDIS_KEY_PREFIX,
    oprfSecretKey,
    adminApiToken: values.ADMIN_API_TOKEN,
    newProfileArgon2: {
      memoryKiB: values.ARGON2_MEMORY_KIB,
      iterations: values.ARGON2_ITERATIONS,
      parallelism: values.ARGON2_PARALLELISM,
    },
    logLevel: values.LOG_LEVEL,
    metricsToken: values.METRICS_TOKEN,
    shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    operator: operatorOf(values),
    trustProxy: values.TRUST_PROXY,
    checkRateLimits: {
      perIp: values.RATE_LIMIT_PER_IP,
      perIpv6Network: values.RATE_LIMIT_PER_IPV6_64,
      global: values.RATE_LIMIT_GLOBAL,
    },
    checkQueue: {
      maxRunning: values.CHECK_MAX_RUNNING,
      maxWaiting: values.CHECK_MAX_WAITING ?? Math.ceil(values.CHECK_MAX_RUNNING / 2),
    },
    staffAuth: {
      timeouts: {
        idleMs: values.STAFF_SESSION_IDLE_MINUTES * 60_000,
        absoluteMs: values.STAFF_SESSION_MAX_HOURS * 3_600_000,
      },
      loginThrottle: {
        maxFailuresPerAccount: values.LOGIN_MAX_FAILURES_PER_ACCOUNT,
        lockoutSeconds: values.LOGIN_LOCKOUT_MINUTES * 60,
        maxFailuresPerIpPerHour: values.LOGIN_MAX_FAILURES_PER_IP_PER_HOUR,
      },
      passwordQueue: {
        maxRunning: values.PASSWORD_HASH_MAX_RUNNING,
        maxWaiting: values.PASSWORD_HASH_MAX_WAITING,
      },
    },
    timeZone: values.TIME_ZONE,
    privateCheckBucketBits: values.PRIVATE_CHECK_BUCKET_BITS,
  };
}

/** All or nothing: a name customers cannot verify, or a link nobody is named for, only invites doubt. */
function operatorOf(values: z.infer<typeof schema>): OperatorIdentity | undefined {
  const { OPERATOR_NAME_JA: ja, OPERATOR_NAME_EN: en, OPERATOR_URL: url } = values;
  const named = ja !== undefined || en !== undefined;
  if (!named && url === undefined) return undefined;
  if (!named) {
    throw new ConfigError('Invalid configuration: OPERATOR_URL is set but neither OPERATOR_NAME_JA nor OPERATOR_NAME_EN is.');
  }
  if (url === undefined) {
    throw new ConfigError(
      'Invalid configuration: OPERATOR_URL is required with OPERATOR_NAME_JA or OPERATOR_NAME_EN ' +
        '(the https link to your announcement, so customers can verify this page).',
    );
  }
  return { name: { ...(ja !== undefined && { ja }), ...(en !== undefined && { en }) }, url };
}
