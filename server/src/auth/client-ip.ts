// The caller's address, for rate limits. Behind a reverse proxy every request comes from the
// proxy, and the client's address is in X-Forwarded-For, which anyone can also write. So the
// header is believed only on a connection from a listed proxy (TRUST_PROXY=127.0.0.1,::1,…),
// and then read from the right: each listed proxy appends the address it got the request
// from, so the right-most address that is not itself a listed proxy is the client; entries
// further left are whatever the client sent. A caller that is not a listed proxy is keyed by
// its own socket address, whatever header it sends (issue 12: with TRUST_PROXY=1 and the
// default HOST=0.0.0.0, anyone reaching the port could rotate the header past the limits).
import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/** The reverse proxies whose X-Forwarded-For is believed: addresses and CIDR ranges. */
export class TrustedProxies {
  private readonly list = new BlockList();

  /** `entries` as parseTrustProxy returns them; none means no proxy is trusted. */
  constructor(readonly entries: readonly string[] = []) {
    for (const entry of entries) {
      const [address, prefix] = entry.split('/');
      const family = isIP(address) === 4 ? 'ipv4' : 'ipv6';
      if (prefix === undefined) this.list.addAddress(address, family);
      else this.list.addSubnet(address, Number(prefix), family);
    }
  }

  includes(address: string): boolean {
    if (this.entries.length === 0) return false;
    const family = isIP(address);
    return family !== 0 && this.list.check(address, family === 4 ? 'ipv4' : 'ipv6');
  }
}

const OFF = ['', '0', 'false', 'no', 'off'];
const ON = ['1', 'true', 'yes', 'on'];

/**
 * TRUST_PROXY: a comma-separated list of proxy addresses or CIDR ranges, or nothing / 0 for no
 * proxy. The old on-switch (1, true) is refused: it trusted the header from every caller.
 */
export function parseTrustProxy(raw: string | undefined): string[] {
  const value = (raw ?? '').trim();
  if (OFF.includes(value.toLowerCase())) return [];
  if (ON.includes(value.toLowerCase())) {
    throw new Error(
      `TRUST_PROXY=${value} would believe X-Forwarded-For from anyone who reaches the port. ` +
        'List the addresses of your reverse proxies instead, e.g. TRUST_PROXY=127.0.0.1,::1 for a proxy on this machine ' +
        '(CIDR ranges such as 10.0.0.0/24 work too), or leave TRUST_PROXY unset when there is no proxy.',
    );
  }
  return value.split(',').map((entry) => parseEntry(entry.trim()));
}

function parseEntry(entry: string): string {
  const [address, prefix, extra] = entry.split('/');
  const family = isIP(address);
  const bits = family === 4 ? 32 : 128;
  const isPrefix = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
  if (family === 0 || !isPrefix || extra !== undefined) {
    throw new Error(`TRUST_PROXY: "${entry.slice(0, 60)}" is not an IP address or a CIDR range (e.g. 127.0.0.1, ::1 or 10.0.0.0/24)`);
  }
  return prefix === undefined ? unmapped(address) : `${address}/${Number(prefix)}`;
}

/** `::ffff:10.0.0.5` (an IPv4 peer on a dual-stack socket) is 10.0.0.5. */
function unmapped(address: string): string {
  const match = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return match ? match[1] : address;
}

/** The client of a request that came from `peer` with this X-Forwarded-For header. */
export function forwardedClient(peer: string, forwardedFor: string | undefined, proxies: TrustedProxies): string {
  const from = unmapped(peer);
  if (!forwardedFor || !proxies.includes(from)) return from;
  const hops = forwardedFor
    .split(',')
    .map((hop) => unmapped(hop.trim()))
    .filter((hop) => hop !== '');
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!proxies.includes(hops[i])) return hops[i].slice(0, 64);
  }
  // Every hop is a listed proxy: the request started at one of them.
  return (hops[0] ?? from).slice(0, 64);
}

export function clientIp(c: Context, proxies: TrustedProxies): string {
  let peer: string;
  try {
    peer = getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    peer = 'unknown';
  }
  return forwardedClient(peer, c.req.header('X-Forwarded-For'), proxies);
}
