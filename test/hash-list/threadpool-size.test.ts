import { availableParallelism } from 'node:os';
import { ensureThreadpoolSize, hashingConcurrency } from '../../src/shared/threadpool-size';

describe('ensureThreadpoolSize', () => {
  it('when UV_THREADPOOL_SIZE is unset, then libuv\'s default of 4 counts and is raised to the minimum only if smaller', () => {
    const small: NodeJS.ProcessEnv = {};
    const large: NodeJS.ProcessEnv = {};

    expect(ensureThreadpoolSize(small, 3)).toBe(4);
    expect(ensureThreadpoolSize(large, 9)).toBe(9);

    expect(small.UV_THREADPOOL_SIZE).toBeUndefined();
    expect(large.UV_THREADPOOL_SIZE).toBe('9');
  });

  it('when UV_THREADPOOL_SIZE is set, then a larger value is kept and a smaller or malformed one raised', () => {
    const env: NodeJS.ProcessEnv = { UV_THREADPOOL_SIZE: '16' };
    const lower: NodeJS.ProcessEnv = { UV_THREADPOOL_SIZE: '1' };
    const malformed: NodeJS.ProcessEnv = { UV_THREADPOOL_SIZE: 'lots' };

    expect(ensureThreadpoolSize(env, 5)).toBe(16);
    expect(ensureThreadpoolSize(lower, 5)).toBe(5);
    expect(ensureThreadpoolSize(malformed, 5)).toBe(5);

    expect([env.UV_THREADPOOL_SIZE, lower.UV_THREADPOOL_SIZE, malformed.UV_THREADPOOL_SIZE]).toEqual(['16', '5', '5']);
  });

  it('when asked how many hashes to keep in flight, then it is one per core', () => {
    expect(hashingConcurrency()).toBe(availableParallelism());
  });
});
