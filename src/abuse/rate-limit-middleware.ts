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
): RequestHandler {
  if (!limits.enabled) return (_req, _res, next) => next();
  return (req, _res, next) => {
    limits.admit(req.ip).then(
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
