import type { RequestHandler } from 'express';
import { AppError } from '../errors';
import type { CheckRateLimits, RateLimitScope } from './check-rate-limits';

/**
 * Admits a check or answers 429 with Retry-After. A limiter that cannot be consulted (Redis down)
 * fails closed with 503 `unavailable`: the check itself needs the same Redis, and letting checks
 * through unthrottled would open the enumeration oracle exactly when nobody is watching it.
 * Logs nothing: the key is the client's IP and must not sit beside anything from the request.
 */
export function rateLimitChecks(
  limits: CheckRateLimits,
  onLimited: (scope: RateLimitScope) => void = () => undefined,
  /** How many checks the request holds (the private check: one per query); its body is parsed by then. */
  checksIn: (req: Parameters<RequestHandler>[0]) => number = () => 1,
): RequestHandler {
  if (!limits.enabled) return (_req, _res, next) => next();
  return (req, _res, next) => {
    admitAll(limits, req.ip, checksIn(req)).then(
      (admission) => {
        if (admission.admitted) {
          next();
          return;
        }
        onLimited(admission.scope);
        // The page and the API tell the client's network (its address or /64) from everybody's.
        next(AppError.rateLimited(admission.retryAfterSeconds, admission.scope === 'global' ? 'global' : 'network'));
      },
      (error: unknown) => next(AppError.unavailable(error)),
    );
  };
}

/** Spends `checks` checks one by one, stopping at the first refusal. */
async function admitAll(limits: CheckRateLimits, ip: string | undefined, checks: number): ReturnType<CheckRateLimits['admit']> {
  for (let spent = 1; spent < checks; spent += 1) {
    const admission = await limits.admit(ip);
    if (!admission.admitted) return admission;
  }
  return limits.admit(ip);
}
