// Counts failures per key in a sliding window (login: IP+username and IP; join: IP). Over the
// limit the caller answers 429 with Retry-After until the oldest failure leaves the window.
// The failures are kept in the database (Store.countFailures), so every server process on one
// database counts the same attempts: with several processes a guesser gets the limit once,
// not once per process. A restart keeps them.
import type { Store } from '../store/types';

export interface LimitRule {
  max: number;
  windowMs: number;
}

export class FailureLimiter {
  constructor(
    private readonly store: Store,
    /** keys of this limiter are stored as `${name}:${key}` */
    private readonly name: string,
    readonly rule: LimitRule,
  ) {}

  /** Seconds until `key` may try again, or 0 when it may try now. */
  async retryAfter(key: string, now: number): Promise<number> {
    const { count, oldest } = await this.store.countFailures(this.key(key), this.rule.windowMs, now, false);
    if (count < this.rule.max || oldest === null) return 0;
    return Math.max(1, Math.ceil((oldest + this.rule.windowMs - now) / 1000));
  }

  async fail(key: string, now: number): Promise<void> {
    await this.store.countFailures(this.key(key), this.rule.windowMs, now, true);
  }

  async reset(key: string): Promise<void> {
    await this.store.clearFailures(this.key(key));
  }

  private key(key: string): string {
    return `${this.name}:${key}`;
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
