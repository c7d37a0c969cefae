// TRUST_PROXY lists the reverse proxies (issue 12 item 9). With TRUST_PROXY=1 anyone who
// reached the port could send a new X-Forwarded-For with every guess and never meet the
// sign-in limit. Now a caller that is not a listed proxy is limited by its own address, and
// a listed proxy's clients are limited one by one.
import { afterEach, describe, expect, it } from 'vitest';
import { adminToken, type Api, type TestServer, startTestSyncServer } from './helpers';

let t: TestServer | undefined;
afterEach(async () => t?.close());

const login = (api: Api, forwardedFor: string, password: string) =>
  api.request('POST', '/login', { body: { username: 'admin', password }, headers: { 'X-Forwarded-For': forwardedFor } });

describe('TRUST_PROXY: X-Forwarded-For only from a listed proxy', () => {
  it('a caller that is not a listed proxy cannot rotate X-Forwarded-For past the sign-in limit', async () => {
    // the proxy is elsewhere; this test connects straight from 127.0.0.1
    t = await startTestSyncServer({ rateLimits: {}, trustProxy: ['192.0.2.10'] });
    await adminToken(t.api, 'admin', 'đúng mật khẩu');
    for (let i = 0; i < 5; i++) expect((await login(t.api, `198.51.100.${i + 1}`, `mật khẩu sai ${i}`)).status).toBe(401);
    const rotated = await login(t.api, '198.51.100.99', 'đúng mật khẩu');
    expect(rotated.status).toBe(429);
    expect(rotated.body.error.code).toBe('rate_limited');
  });

  it('a listed proxy forwards different clients, each limited on its own; what a client prepends is ignored', async () => {
    t = await startTestSyncServer({ rateLimits: {}, trustProxy: ['127.0.0.1', '::1'] });
    await adminToken(t.api, 'admin', 'đúng mật khẩu');
    // the guesser forges a different left-most address every time; our proxy appends the real one
    for (let i = 0; i < 5; i++) expect((await login(t.api, `10.9.9.${i}, 198.51.100.1`, `mật khẩu sai ${i}`)).status).toBe(401);
    expect((await login(t.api, '10.9.9.77, 198.51.100.1', 'đúng mật khẩu')).status).toBe(429);
    expect((await login(t.api, '198.51.100.2', 'đúng mật khẩu')).status).toBe(200);
  });
});
