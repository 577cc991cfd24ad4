import argon2 from 'argon2';
import { QueueFullError, type BoundedWorkQueue } from '../shared';
import { passwordWorkOverloaded } from '../console';

/**
 * Staff passwords: argon2id at OWASP's costs, a fresh 16-byte random salt per hash, stored in the
 * PHC encoded form so the parameters travel with the hash. Deliberately not the lookup profile's
 * fixed salt: that one exists to make address hashes comparable; password hashes must not be.
 */
export const PASSWORD_HASH_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

/**
 * What an unknown username is verified against: a hash at PASSWORD_HASH_OPTIONS' costs of a random
 * password nobody kept (a test checks the costs agree). Fixed here rather than made at start, so
 * even the first unknown username costs exactly one verification, like a known one.
 */
export const DUMMY_PASSWORD_HASH = '$argon2id$v=19$m=19456,p=1,t=2$w5wNS2doEGeUpfbyC3Ye+w$6za9nOWC1ZmqhmwUDlE8oZMoQPR5trm81WcH/mz+6/A';

/** Passwords are compared as Unicode NFC, so the same password typed on two devices (IMEs differ) still matches. */
function normalized(password: string): string {
  return password.normalize('NFC');
}

/**
 * Every argon2 hash and verification of a staff password, run in a bounded queue of their own
 * (PASSWORD_HASH_MAX_RUNNING at once, PASSWORD_HASH_MAX_WAITING waiting): sign-in attempts, however
 * many, then hold at most that many threads, and the cores the checks' queue counts on stay theirs.
 * A full queue refuses at once with 503 `overloaded`, before any hashing.
 */
export class PasswordHasher {
  readonly #queue: BoundedWorkQueue;

  constructor(queue: BoundedWorkQueue) {
    this.#queue = queue;
  }

  hash(password: string): Promise<string> {
    return this.#run(() => argon2.hash(normalized(password), PASSWORD_HASH_OPTIONS));
  }

  verify(encodedHash: string, password: string): Promise<boolean> {
    return this.#run(async () => {
      try {
        return await argon2.verify(encodedHash, normalized(password));
      } catch {
        // A malformed stored hash is a refusal, never a way in.
        return false;
      }
    });
  }

  /**
   * Spends the same argon2 work as a real verification and always fails: a sign-in with an unknown
   * username must take as long as one with a wrong password, or response times list the usernames.
   */
  async verifyAgainstDummy(password: string): Promise<false> {
    await this.verify(DUMMY_PASSWORD_HASH, password);
    return false;
  }

  /** Refuses now, as a full queue would, so a caller can shed before the work that leads up to a hash. */
  refuseIfFull(): void {
    try {
      this.#queue.refuseIfFull();
    } catch (error) {
      throw error instanceof QueueFullError ? passwordWorkOverloaded() : error;
    }
  }

  async #run<T>(task: () => Promise<T>): Promise<T> {
    try {
      return await this.#queue.run(task);
    } catch (error) {
      throw error instanceof QueueFullError ? passwordWorkOverloaded() : error;
    }
  }
}
