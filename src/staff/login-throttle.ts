import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { clientAddress } from '../abuse/client-address';
import { isValidUsername } from './staff-rules';

export interface LoginThrottleSettings {
  /** Failed sign-ins in a row on one username before it is locked. */
  maxFailuresPerAccount: number;
  /** How long a locked username stays locked. */
  lockoutSeconds: number;
  /** Failed sign-ins per hour from one IP (one /64 for IPv6), whatever usernames they tried. */
  maxFailuresPerIpPerHour: number;
}

export type LoginAdmission = { allowed: true } | { allowed: false; scope: 'account' | 'ip'; retryAfterSeconds: number };

const HOUR_SECONDS = 60 * 60;
// "In a row" is only ended by a success or by the lockout; a day is plenty to count them in.
const ACCOUNT_COUNT_SECONDS = 24 * HOUR_SECONDS;
// Requests whose peer address is unknown (a socket already closed) share one budget.
const UNKNOWN_CLIENT = 'unknown';

interface Limiters {
  account: RateLimiterAbstract;
  ip: RateLimiterAbstract;
}

/**
 * Slows password guessing two ways: a username locks for a while after a few failures in a row
 * (a success resets it), and one IP may fail only so often per hour across all usernames. Keys
 * hold only usernames (never email addresses: the username rules forbid `@`, and anything that
 * is not a valid username is counted against the IP only) and IPs.
 */
export class LoginThrottle {
  readonly #settings: LoginThrottleSettings;
  readonly #limiters: Limiters;

  constructor(settings: LoginThrottleSettings, limiters: Limiters) {
    this.#settings = settings;
    this.#limiters = limiters;
  }

  /** Before a password is checked: is this username or IP locked? Spends nothing. */
  async admit(username: string, ip: string | undefined): Promise<LoginAdmission> {
    const account = accountKey(username);
    if (account !== undefined) {
      const state = await this.#limiters.account.get(account);
      if (state !== null && state.consumedPoints >= this.#settings.maxFailuresPerAccount) return refusal('account', state);
    }
    const state = await this.#limiters.ip.get(ipKey(ip));
    if (state !== null && state.consumedPoints >= this.#settings.maxFailuresPerIpPerHour) return refusal('ip', state);
    return { allowed: true };
  }

  /** Counts a failed sign-in; answers whether it locked the username or the IP just now. */
  async recordFailure(username: string, ip: string | undefined): Promise<LoginAdmission> {
    const account = accountKey(username);
    let verdict: LoginAdmission = { allowed: true };
    if (account !== undefined) {
      const state = await consume(this.#limiters.account, account);
      if (state.remainingPoints <= 0) {
        await this.#limiters.account.block(account, this.#settings.lockoutSeconds);
        verdict = { allowed: false, scope: 'account', retryAfterSeconds: this.#settings.lockoutSeconds };
      }
    }
    const state = await consume(this.#limiters.ip, ipKey(ip));
    if (verdict.allowed && state.remainingPoints <= 0) verdict = refusal('ip', state);
    return verdict;
  }

  /** A success ends the username's run of failures. The IP's count stays: a guesser may also know one password. */
  async recordSuccess(username: string): Promise<void> {
    const account = accountKey(username);
    if (account !== undefined) await this.#limiters.account.delete(account);
  }
}

export function memoryLoginThrottle(settings: LoginThrottleSettings): LoginThrottle {
  return new LoginThrottle(settings, {
    account: new RateLimiterMemory({
      keyPrefix: 'login-account',
      points: settings.maxFailuresPerAccount,
      duration: ACCOUNT_COUNT_SECONDS,
    }),
    ip: new RateLimiterMemory({ keyPrefix: 'login-ip', points: settings.maxFailuresPerIpPerHour, duration: HOUR_SECONDS }),
  });
}

/** Shared by every instance: `<prefix>rl:login-account:<username>` and `<prefix>rl:login-ip:<ip>`. */
export function redisLoginThrottle(redis: Redis, keyPrefix: string, settings: LoginThrottleSettings): LoginThrottle {
  const limiter = (name: string, points: number, duration: number) =>
    new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${keyPrefix}rl:${name}`,
      points,
      duration,
      // Fail at once while disconnected: the sign-in answers 503 rather than waiting.
      rejectIfRedisNotReady: true,
    });
  return new LoginThrottle(settings, {
    account: limiter('login-account', settings.maxFailuresPerAccount, ACCOUNT_COUNT_SECONDS),
    ip: limiter('login-ip', settings.maxFailuresPerIpPerHour, HOUR_SECONDS),
  });
}

function accountKey(username: string): string | undefined {
  return isValidUsername(username) ? username : undefined;
}

function ipKey(ip: string | undefined): string {
  const client = clientAddress(ip);
  return client?.ipv6Network ?? client?.address ?? UNKNOWN_CLIENT;
}

/** Over the limit already (two failures racing) is a state like any other, not an exception. */
async function consume(limiter: RateLimiterAbstract, key: string): Promise<RateLimiterRes> {
  try {
    return await limiter.consume(key);
  } catch (outcome) {
    if (outcome instanceof RateLimiterRes) return outcome;
    throw outcome;
  }
}

function refusal(scope: 'account' | 'ip', state: RateLimiterRes): LoginAdmission {
  return { allowed: false, scope, retryAfterSeconds: Math.max(1, Math.ceil(state.msBeforeNext / 1000)) };
}
