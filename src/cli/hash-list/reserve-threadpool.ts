import { ensureThreadpoolSize, hashingConcurrency } from '../../shared';

/**
 * Imported for its side effect, first thing in an entry point that hashes on all cores (like
 * `dotenv/config`): it must size the threadpool before anything starts it. One thread more than
 * the hashes in flight, so that reading the input and writing the output never wait behind argon2.
 */
ensureThreadpoolSize(process.env, hashingConcurrency() + 1);
