/**
 * The kinds of test file, told apart by the name's ending: a suite that drives Chromium or starts
 * child processes (the built server, CLI scripts, redis-server, the argon2 CLI...) says so, so that
 * `npm run test:fast` can leave those out (jest.fast.config.js) and globalSetup can require only
 * the system tools of the suites that run. test/structure/test-kinds.test.ts keeps names honest.
 */
export type TestKind = 'browser' | 'process';

export const TEST_KIND_SUFFIX: Readonly<Record<TestKind, string>> = {
  browser: '.browser.test.ts',
  process: '.process.test.ts',
};

export const TEST_KINDS: readonly TestKind[] = ['browser', 'process'];

/** The kind a test file's name declares; undefined for a plain (in-process) suite. */
export function declaredKind(file: string): TestKind | undefined {
  return TEST_KINDS.find((kind) => file.endsWith(TEST_KIND_SUFFIX[kind]));
}
