import { createHash } from 'node:crypto';
import session from 'express-session';
import type Redis from 'ioredis';
import { staffUnavailable } from '../console/console-refusals';

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
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(redis: Redis, prefix: string) {
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
    this.#redis.set(this.#key(sid), JSON.stringify(data), 'EX', ttlSeconds(data)).then(
      () => callback(),
      (error: unknown) => callback(staffUnavailable(error)),
    );
  }

  override touch(sid: string, data: session.SessionData, callback: Callback = noop): void {
    this.#redis.expire(this.#key(sid), ttlSeconds(data)).then(
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

function ttlSeconds(data: session.SessionData): number {
  const maxAge = data.cookie?.maxAge;
  return typeof maxAge === 'number' && maxAge > 0 ? Math.ceil(maxAge / 1000) : DEFAULT_TTL_SECONDS;
}

function noop(): void {}
