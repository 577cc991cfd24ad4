/** One fixed-window budget: so many points per window, per key. */
export interface RateRule {
  /** Short and stable: it becomes part of the storage key ("ip", "ipv6-64", "global"). */
  name: string;
  points: number;
  windowSeconds: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Counts requests against one rule. Keys are IPs, /64 networks or a constant, never anything
 * derived from an address. A failure of the backing store rejects (it is not a refusal): the
 * caller decides what a limiter it cannot consult means.
 */
export interface RateCounter {
  consume(key: string): Promise<RateDecision>;
}

/** The store side: Redis in production (shared by every instance), memory in demo mode. */
export type RateCounters = (rule: RateRule) => RateCounter;
