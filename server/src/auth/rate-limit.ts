// Counts failures per key in a sliding window (login: IP+username and IP; join: IP). Over the
// limit the caller answers 429 with Retry-After until the oldest failure leaves the window.
// In memory: a restart forgets, which is fine for slowing down guessing. Bounded in size.

export interface LimitRule {
  max: number;
  windowMs: number;
}

const MAX_KEYS = 20_000;

export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(readonly rule: LimitRule) {}

  /** Seconds until `key` may try again, or 0 when it may try now. */
  retryAfter(key: string, now: number): number {
    const times = this.recent(key, now);
    if (times.length < this.rule.max) return 0;
    return Math.max(1, Math.ceil((times[times.length - this.rule.max] + this.rule.windowMs - now) / 1000));
  }

  fail(key: string, now: number): void {
    const times = this.recent(key, now);
    times.push(now);
    this.failures.delete(key);
    this.failures.set(key, times.slice(-this.rule.max));
    if (this.failures.size > MAX_KEYS) this.prune(now);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    const times = this.failures.get(key);
    if (!times) return [];
    const fresh = times.filter((t) => t > now - this.rule.windowMs);
    if (fresh.length === 0) this.failures.delete(key);
    return fresh;
  }

  private prune(now: number): void {
    // Keys are re-inserted on each failure, so the first ones are the least recently active.
    for (const key of [...this.failures.keys()]) {
      if (this.failures.size <= MAX_KEYS * 0.9) break;
      if (this.recent(key, now).length > 0) this.failures.delete(key);
    }
  }
}

export interface RateLimits {
  loginPerUser: LimitRule;
  loginPerIp: LimitRule;
  joinPerIp: LimitRule;
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;
export const DEFAULT_RATE_LIMITS: RateLimits = {
  loginPerUser: { max: 5, windowMs: FIFTEEN_MINUTES },
  loginPerIp: { max: 50, windowMs: FIFTEEN_MINUTES },
  joinPerIp: { max: 10, windowMs: FIFTEEN_MINUTES },
};
