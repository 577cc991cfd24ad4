import type { RedisClient } from '../store';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { clientAddress } from '../abuse';
import { isValidUsername } from '../staff';

export interface LoginThrottleSettings {
  /** Failed sign-ins in a row on one username before it is locked. */
  maxFailuresPerAccount: number;
  /** How long a locked username stays locked. */
  lockoutSeconds: number;
  /** Failed sign-ins per hour from one IP (one /64 for IPv6), whatever usernames they tried. */
  maxFailuresPerIpPerHour: number;
}

export type LoginRefusal = { allowed: false; scope: 'account' | 'ip'; retryAfterSeconds: number };

/** An attempt that may go on to the password check: its place in both budgets is already taken. */
export interface LoginReservation {
  allowed: true;
  /** Absent when the username is not a valid one: such attempts count against the IP only. */
  account: string | undefined;
  ip: string;
  /** What was left of the IP's budget after this attempt took its place, and when the budget renews. */
  ipRemaining: number;
  ipRenewsInSeconds: number;
}

export type LoginAdmission = LoginReservation | LoginRefusal;

const HOUR_SECONDS = 60 * 60;
// "In a row" is only ended by a success or by the lockout; a day is plenty to count them in. The
// count lives a lockout longer, so that a run of failures within the day still has a whole lockout
// left on its count when it ends: that is how a lock is told from a count (see #lockIfSpent).
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
 *
 * An attempt takes its place in both budgets (an atomic increment in the store) *before* its
 * password is checked, and gives it back only when the password was right (or was never checked).
 * So however many attempts arrive at once, at most the budget's worth of them reach the password
 * check: reading the counts first and counting failures after the check would let every attempt in
 * flight pass the read before the first failure is counted.
 */
export class LoginThrottle {
  readonly #settings: LoginThrottleSettings;
  readonly #limiters: Limiters;

  constructor(settings: LoginThrottleSettings, limiters: Limiters) {
    this.#settings = settings;
    this.#limiters = limiters;
  }

  /** Before a password is checked: takes a place from the IP's budget, then the username's, or refuses. */
  async reserve(username: string, ip: string | undefined): Promise<LoginAdmission> {
    const ipKey = ipKeyOf(ip);
    const ipState = await consume(this.#limiters.ip, ipKey);
    // Refused attempts stay counted: the IP is over its budget anyway until the hour ends.
    if (ipState.consumedPoints > this.#settings.maxFailuresPerIpPerHour) return refusal('ip', ipState);
    const account = accountKey(username);
    if (account !== undefined) {
      let accountState: RateLimiterRes;
      try {
        accountState = await consume(this.#limiters.account, account);
      } catch (error) {
        await this.#limiters.ip.reward(ipKey, 1).catch(() => undefined);
        throw error;
      }
      if (accountState.consumedPoints > this.#settings.maxFailuresPerAccount) {
        // Guesses at a locked username cost its IP nothing: a NAT's other users keep their budget.
        await this.#limiters.ip.reward(ipKey, 1);
        return this.#accountRefusal(accountState);
      }
    }
    return {
      allowed: true,
      account,
      ip: ipKey,
      ipRemaining: ipState.remainingPoints,
      ipRenewsInSeconds: secondsOf(ipState.msBeforeNext),
    };
  }

  /**
   * The password was wrong (or the username unknown, or the account disabled): both places stay
   * taken. Answers whether the username or the IP is locked now.
   */
  async failed(reservation: LoginReservation): Promise<LoginAdmission> {
    if (reservation.account !== undefined) {
      const locked = await this.#lockIfSpent(reservation.account);
      if (locked !== undefined) return locked;
    }
    if (reservation.ipRemaining <= 0) return { allowed: false, scope: 'ip', retryAfterSeconds: reservation.ipRenewsInSeconds };
    return reservation;
  }

  /** A success ends the username's run of failures and gives the IP its place back (only failures count there). */
  async succeeded(reservation: LoginReservation): Promise<void> {
    if (reservation.account !== undefined) await this.#limiters.account.delete(reservation.account);
    await this.#limiters.ip.reward(reservation.ip, 1);
  }

  /**
   * The password was never checked (the password queue was full, or the store failed): the IP gets
   * its place back. The username's place stays taken and is settled as a failure is: giving it back
   * could undo a lock that a failure in the same burst has just set.
   */
  async unchecked(reservation: LoginReservation): Promise<void> {
    await this.#limiters.ip.reward(reservation.ip, 1);
    if (reservation.account !== undefined) await this.#lockIfSpent(reservation.account);
  }

  /**
   * Locks the username for the lockout when its count has reached the limit (by this attempt, or by
   * the burst it came in), unless a lock is in place already (its key then expires within a
   * lockout): a lock is not prolonged by attempts.
   */
  async #lockIfSpent(account: string): Promise<LoginRefusal | undefined> {
    const state = await this.#limiters.account.get(account);
    if (state === null || state.consumedPoints < this.#settings.maxFailuresPerAccount) return undefined;
    if (state.msBeforeNext > this.#settings.lockoutSeconds * 1000) {
      await this.#limiters.account.block(account, this.#settings.lockoutSeconds);
      return { allowed: false, scope: 'account', retryAfterSeconds: this.#settings.lockoutSeconds };
    }
    return this.#accountRefusal(state);
  }

  /** Refused while locked, or while the attempts in flight already fill the username's budget. */
  #accountRefusal(state: RateLimiterRes): LoginRefusal {
    return {
      allowed: false,
      scope: 'account',
      retryAfterSeconds: Math.min(this.#settings.lockoutSeconds, secondsOf(state.msBeforeNext)),
    };
  }
}

export function memoryLoginThrottle(settings: LoginThrottleSettings): LoginThrottle {
  return new LoginThrottle(settings, {
    account: new RateLimiterMemory({
      keyPrefix: 'login-account',
      points: settings.maxFailuresPerAccount,
      duration: ACCOUNT_COUNT_SECONDS + settings.lockoutSeconds,
    }),
    ip: new RateLimiterMemory({ keyPrefix: 'login-ip', points: settings.maxFailuresPerIpPerHour, duration: HOUR_SECONDS }),
  });
}

/** Shared by every instance: `<prefix>rl:login-account:<username>` and `<prefix>rl:login-ip:<ip>`. */
export function redisLoginThrottle(redis: RedisClient, keyPrefix: string, settings: LoginThrottleSettings): LoginThrottle {
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
    account: limiter('login-account', settings.maxFailuresPerAccount, ACCOUNT_COUNT_SECONDS + settings.lockoutSeconds),
    ip: limiter('login-ip', settings.maxFailuresPerIpPerHour, HOUR_SECONDS),
  });
}

function accountKey(username: string): string | undefined {
  return isValidUsername(username) ? username : undefined;
}

function ipKeyOf(ip: string | undefined): string {
  const client = clientAddress(ip);
  return client?.ipv6Network ?? client?.address ?? UNKNOWN_CLIENT;
}

/** Over the limit is a state like any other, not an exception. */
async function consume(limiter: RateLimiterAbstract, key: string): Promise<RateLimiterRes> {
  try {
    return await limiter.consume(key);
  } catch (outcome) {
    if (outcome instanceof RateLimiterRes) return outcome;
    throw outcome;
  }
}

function refusal(scope: 'account' | 'ip', state: RateLimiterRes): LoginRefusal {
  return { allowed: false, scope, retryAfterSeconds: secondsOf(state.msBeforeNext) };
}

function secondsOf(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
