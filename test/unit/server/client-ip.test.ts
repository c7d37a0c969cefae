// Who the client is, for rate limits: X-Forwarded-For counts only on a connection from a
// listed proxy, and then its right-most address that is not itself a listed proxy.
import { describe, expect, it } from 'vitest';
import { TrustedProxies, forwardedClient } from '../../../server/src/auth/client-ip';

const proxies = new TrustedProxies(['127.0.0.1', '::1', '10.0.0.0/24']);

describe('forwardedClient', () => {
  it('a caller that is not a listed proxy is its own socket address, whatever header it sends', () => {
    expect(forwardedClient('203.0.113.7', '198.51.100.1', proxies)).toBe('203.0.113.7');
    expect(forwardedClient('10.0.1.1', '198.51.100.1', proxies)).toBe('10.0.1.1');
    expect(forwardedClient('203.0.113.7', undefined, proxies)).toBe('203.0.113.7');
    expect(forwardedClient('203.0.113.7', '198.51.100.1', new TrustedProxies())).toBe('203.0.113.7');
  });

  it('from a listed proxy: the right-most address that is not a listed proxy', () => {
    expect(forwardedClient('127.0.0.1', '198.51.100.1', proxies)).toBe('198.51.100.1');
    // what the client wrote itself sits left of what our proxy appended
    expect(forwardedClient('127.0.0.1', '1.2.3.4, 6.6.6.6, 198.51.100.1', proxies)).toBe('198.51.100.1');
    // through two of our proxies (a load balancer at 10.0.0.9, then nginx on this machine)
    expect(forwardedClient('::1', '1.2.3.4, 198.51.100.1, 10.0.0.9', proxies)).toBe('198.51.100.1');
    expect(forwardedClient('10.0.0.200', '2001:db8::5', proxies)).toBe('2001:db8::5');
  });

  it('an IPv4 peer on a dual-stack socket (::ffff:a.b.c.d) is matched as IPv4', () => {
    expect(forwardedClient('::ffff:127.0.0.1', '198.51.100.1', proxies)).toBe('198.51.100.1');
    expect(forwardedClient('::ffff:203.0.113.7', '198.51.100.1', proxies)).toBe('203.0.113.7');
  });

  it('a request that started at a listed proxy, or came with an empty header, keys on what is there', () => {
    expect(forwardedClient('127.0.0.1', '10.0.0.3, 10.0.0.9', proxies)).toBe('10.0.0.3');
    expect(forwardedClient('127.0.0.1', ' , ', proxies)).toBe('127.0.0.1');
    expect(forwardedClient('127.0.0.1', '', proxies)).toBe('127.0.0.1');
  });
});
