// What every API route needs: the store, the clock, rate limiters and body limits.
import type { TrustedProxies } from '../auth/client-ip';
import type { FailureLimiter } from '../auth/rate-limit';
import type { Store } from '../store/types';

export interface ApiDeps {
  store: Store;
  now: () => number;
  limiters: { loginPerUser: FailureLimiter; loginPerIp: FailureLimiter; joinPerIp: FailureLimiter };
  /** whose X-Forwarded-For names the client (clientIp) */
  trustProxy: TrustedProxies;
  /** body limit of ordinary routes (bytes, after decompression) */
  maxBodyBytes: number;
  /** body limit of push (bytes, after decompression) */
  pushMaxBodyBytes: number;
}

export const iso = (ms: number) => new Date(ms).toISOString();
