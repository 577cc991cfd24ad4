import type { CheckResult } from './check-result';

/** What the check routes need: the check itself, whatever counts or wraps it. */
export interface Checker {
  check(email: string): Promise<CheckResult>;
}
