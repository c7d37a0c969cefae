// api.ts: every request has a timeout, and failures are sorted into what the engine does
// about them (retry, pause, show).
import { describe, expect, test } from 'vitest';
import { apiRequest, AuthError, HttpError, NetworkError, type FetchFn } from '../../../src/sync/api';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('apiRequest', () => {
  test('a server that never answers is cut by the timeout (AbortController) as a network error', async () => {
    let aborted = false;
    const hang: FetchFn = (_i, init) =>
      new Promise((_, reject) => {
        init?.signal?.addEventListener('abort', () => {
          aborted = true;
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
    const err = await apiRequest({ baseUrl: 'http://x', fetch: hang, timeoutMs: 30 }, 'GET', '/setup-status').catch((e) => e);
    expect(err).toBeInstanceOf(NetworkError);
    expect((err as NetworkError).isTimeout).toBe(true);
    expect(aborted).toBe(true);
  });

  test('401 → AuthError (pause, keep the outbox); other errors carry the server code; a proxy page is "no connection"', async () => {
    const as = (res: Response): FetchFn => async () => res;
    await expect(apiRequest({ baseUrl: '', fetch: as(json(401, { error: { code: 'token_revoked', message: 'revoked' } })) }, 'POST', '/units/u/push', {})).rejects.toBeInstanceOf(AuthError);
    const e403 = await apiRequest({ baseUrl: '', fetch: as(json(403, { error: { code: 'forbidden', message: 'no' } })) }, 'GET', '/units').catch((e) => e);
    expect(e403).toBeInstanceOf(HttpError);
    expect(e403).toMatchObject({ status: 403, code: 'forbidden' });
    const proxy = await apiRequest({ baseUrl: '', fetch: as(new Response('<html>Bad gateway</html>', { status: 502 })) }, 'GET', '/units').catch((e) => e);
    expect(proxy).toBeInstanceOf(NetworkError);
    const portal = await apiRequest({ baseUrl: '', fetch: as(new Response('<html>Wi-Fi login</html>', { status: 200 })) }, 'GET', '/units').catch((e) => e);
    expect(portal).toBeInstanceOf(NetworkError);
  });

  test('sends JSON with the Bearer token to /api/v1 on the base URL', async () => {
    let seen: { url: string; init?: RequestInit } | undefined;
    const capture: FetchFn = async (url, init) => ((seen = { url, init }), json(200, { ok: true }));
    await apiRequest({ baseUrl: 'https://sochidoan.vn/', token: 'tok', fetch: capture }, 'POST', '/join', { code: 'X' });
    expect(seen!.url).toBe('https://sochidoan.vn/api/v1/join');
    expect(seen!.init!.headers).toMatchObject({ Authorization: 'Bearer tok', 'Content-Type': 'application/json' });
    expect(seen!.init!.body).toBe('{"code":"X"}');
  });
});
