import { clientAddress } from './client-address';
import type { RateCounter, RateCounters } from './rate-counter';

/** Checks per minute; 0 turns that budget off. */
export interface CheckRateLimitSettings {
  perIp: number;
  perIpv6Network: number;
  global: number;
}

export type RateLimitScope = 'ip' | 'ipv6-64' | 'global';

export type Admission = { admitted: true } | { admitted: false; scope: RateLimitScope; retryAfterSeconds: number };

const WINDOW_SECONDS = 60;
// Requests whose peer address is unknown (a socket already closed) share one budget.
const UNKNOWN_CLIENT = 'unknown';
const GLOBAL_KEY = 'all';

/**
 * The budgets a check must fit in, tightest scope first: the client's address, its IPv6 /64, and
 * the deployment as a whole. A request refused by a narrow budget never spends the global one, so
 * one noisy client cannot use up everybody's checks. Knows nothing of HTTP.
 */
export class CheckRateLimits {
  private readonly perIp: RateCounter | undefined;
  private readonly perIpv6Network: RateCounter | undefined;
  private readonly global: RateCounter | undefined;

  constructor(settings: CheckRateLimitSettings, counters: RateCounters) {
    const rule = (name: RateLimitScope, points: number) =>
      points > 0 ? counters({ name, points, windowSeconds: WINDOW_SECONDS }) : undefined;
    this.perIp = rule('ip', settings.perIp);
    this.perIpv6Network = rule('ipv6-64', settings.perIpv6Network);
    this.global = rule('global', settings.global);
  }

  /** False when every budget is off (0): nothing to count, not even the client's address. */
  get enabled(): boolean {
    return this.perIp !== undefined || this.perIpv6Network !== undefined || this.global !== undefined;
  }

  /** Spends one check from each budget; rejects only when a budget's store fails. */
  async admit(ip: string | undefined): Promise<Admission> {
    const client = clientAddress(ip);
    const steps: [RateLimitScope, RateCounter | undefined, string | undefined][] = [
      ['ip', this.perIp, client?.address ?? UNKNOWN_CLIENT],
      ['ipv6-64', this.perIpv6Network, client?.ipv6Network],
      ['global', this.global, GLOBAL_KEY],
    ];
    for (const [scope, counter, key] of steps) {
      if (counter === undefined || key === undefined) continue;
      const decision = await counter.consume(key);
      if (!decision.allowed) {
        return { admitted: false, scope, retryAfterSeconds: Math.max(1, Math.ceil(decision.retryAfterMs / 1000)) };
      }
    }
    return { admitted: true };
  }
}
