// The caller's address, for rate limits. Behind a reverse proxy (TRUST_PROXY=1) every request
// comes from the proxy, so the address the proxy appended to X-Forwarded-For is used instead
// (the last entry: the one our own proxy wrote; earlier entries are the client's to forge).
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For');
    const last = forwarded?.split(',').at(-1)?.trim();
    if (last) return last.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
