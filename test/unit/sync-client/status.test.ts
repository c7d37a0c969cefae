// Issue 8, item 13: a failed cycle says which it was — no network (navigator.onLine false),
// the network up but the server not answering (fetch rejects with TypeError, a proxy's 502
// page), or the server answering with an error (5xx JSON) — through the real fetch wrapper
// (api.ts) and the runner's sorting (runner.ts).
import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { FetchFn } from '../../../src/sync/api';
import { httpTransport } from '../../../src/sync/transport';
import { SyncRunner } from '../../../src/sync/runner';
import { resetSyncStatus, syncStatus } from '../../../src/sync/status';

function runnerWith(fetch: FetchFn, online: boolean) {
  const transport = httpTransport({ baseUrl: 'https://so-chi-doan.example', unitId: 'unit-1', deviceToken: 'token-123456789012' }, { fetch, timeoutMs: 1000 });
  return new SyncRunner({
    context: async () => ({ db: {} as never, localUnitId: 'unit-1' }),
    cycle: async () => {
      await transport.pull({ cursor: 0, limit: 10 });
      throw new Error('not reached');
    },
    isOnline: () => online,
    random: () => 0.5,
  });
}

const failedToFetch: FetchFn = async () => {
  throw new TypeError('Failed to fetch');
};
const answer =
  (status: number, body: string, type = 'application/json'): FetchFn =>
  async () =>
    new Response(body, { status, headers: { 'Content-Type': type } });

beforeEach(() => {
  resetSyncStatus();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined); // the runner logs server errors
});

describe('why a sync failed', () => {
  test('fetch fails (TypeError) while the browser says it is online: the server is unreachable, not "offline"', async () => {
    const r = runnerWith(failedToFetch, true);
    await r.syncNow();
    r.stop();
    expect(syncStatus()).toMatchObject({ phase: 'unreachable', lastError: 'sync.errUnreachable' });
  });

  test('the same failure with navigator.onLine false: offline', async () => {
    const r = runnerWith(failedToFetch, false);
    await r.syncNow();
    r.stop();
    expect(syncStatus()).toMatchObject({ phase: 'offline', lastError: 'sync.errNetwork' });
  });

  test('a proxy’s 502 page (the server behind it is down): unreachable', async () => {
    const r = runnerWith(answer(502, '<html>Bad Gateway</html>', 'text/html'), true);
    await r.syncNow();
    r.stop();
    expect(syncStatus()).toMatchObject({ phase: 'unreachable', lastError: 'sync.errUnreachable' });
  });

  test('the server answers 500 / 503 with its JSON error: a server error', async () => {
    for (const status of [500, 503]) {
      resetSyncStatus();
      const r = runnerWith(answer(status, JSON.stringify({ error: { code: 'internal', message: 'Something broke' } })), true);
      await r.syncNow();
      r.stop();
      expect(syncStatus()).toMatchObject({ phase: 'error', lastError: 'sync.errServer' });
    }
  });
});
