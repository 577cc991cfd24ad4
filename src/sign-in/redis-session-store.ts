import { createHash } from 'node:crypto';
import session from 'express-session';
import type { RedisClient } from '../store';
import { staffUnavailable } from '../console';

// When a session carries no expiry of its own: the default idle timeout.
const DEFAULT_TTL_SECONDS = 30 * 60;

type Callback = (error?: unknown) => void;

/**
 * express-session's store on our Redis. The key is `<prefix>session:<sha256 of the session id>`:
 * a copy of Redis (a backup, a replica, a `MONITOR`) holds no cookie value that would let its
 * reader take over a session. Each key lives as long as the cookie (the idle timeout, renewed
 * with every request); the absolute timeout is checked by the staff loader.
 */
export class RedisSessionStore extends session.Store {
  readonly #redis: RedisClient;
  readonly #prefix: string;

  constructor(redis: RedisClient, prefix: string) {
    super();
    this.#redis = redis;
    this.#prefix = `${prefix}session:`;
  }

  override get(sid: string, callback: (error: unknown, data?: session.SessionData | null) => void): void {
    this.#redis.get(this.#key(sid)).then(
      (json) => callback(null, json === null ? null : (JSON.parse(json) as session.SessionData)),
      (error: unknown) => callback(staffUnavailable(error)),
    );
  }

  override set(sid: string, data: session.SessionData, callback: Callback = noop): void {
    const ttl = ttlSeconds(data);
    // A cookie that has run out already ends the session, as in express-session's MemoryStore.
    const write: Promise<unknown> =
      ttl === EXPIRED ? this.#redis.del(this.#key(sid)) : this.#redis.set(this.#key(sid), JSON.stringify(data), 'EX', ttl);
    write.then(
      () => callback(),
      (error: unknown) => callback(staffUnavailable(error)),
    );
  }

  override touch(sid: string, data: session.SessionData, callback: Callback = noop): void {
    const ttl = ttlSeconds(data);
    const renew: Promise<unknown> = ttl === EXPIRED ? this.#redis.del(this.#key(sid)) : this.#redis.expire(this.#key(sid), ttl);
    renew.then(
      () => callback(),
      (error: unknown) => callback(staffUnavailable(error)),
    );
  }

  override destroy(sid: string, callback: Callback = noop): void {
    this.#redis.del(this.#key(sid)).then(
      () => callback(),
      (error: unknown) => callback(staffUnavailable(error)),
    );
  }

  #key(sid: string): string {
    return `${this.#prefix}${createHash('sha256').update(sid, 'utf8').digest('hex')}`;
  }
}

// What ttlSeconds answers for a cookie whose expiry has passed: the key must go, not live on.
const EXPIRED = 0;

function ttlSeconds(data: session.SessionData): number {
  const maxAge = data.cookie?.maxAge;
  if (typeof maxAge !== 'number') return DEFAULT_TTL_SECONDS;
  return maxAge > 0 ? Math.ceil(maxAge / 1000) : EXPIRED;
}

function noop(): void {}
