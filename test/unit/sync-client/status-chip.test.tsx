// @vitest-environment jsdom
// Issue 8, item 13: the top-bar chip and the /sync page say which it is — "Ngoại tuyến" only
// when the phone has no network; "Mất kết nối máy chủ" when it has and the server does
// not answer; "Máy chủ báo lỗi" when the server answers with an error. And the join screen has
// no "server address" (our CSP lets the app talk only to the server that served it).
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { freshUnit } from '../helpers';
import { activeDb } from '../../../src/data/session';
import { patchSyncStatus, resetSyncStatus, type SyncStatus } from '../../../src/sync/status';

// The chip starts the app's runner; here the status is set by hand (status.test.ts covers how
// the runner sorts failures), so no cycle runs beside the test.
vi.mock('../../../src/sync/app-sync', () => ({ appSync: () => ({}), syncNow: async () => undefined }));

const { SyncIndicator } = await import('../../../src/features/sync/SyncIndicator');
const { default: SyncStatusPage } = await import('../../../src/features/sync/SyncStatusPage');
const { default: JoinPage } = await import('../../../src/features/sync/JoinPage');

beforeEach(async () => {
  await freshUnit();
  const db = await activeDb();
  await db.outbox.clear(); // as if synced: nothing waits
  await db.syncState.update('device', {
    server: { baseUrl: '', unitId: 'unit-on-server', unitName: 'Chi đoàn Công ty May 30/4', role: 'secretary', deviceToken: 'token', joinedAt: new Date().toISOString() },
  });
  resetSyncStatus();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function showWith(status: Partial<SyncStatus>, online = true) {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online);
  patchSyncStatus(status);
  render(<SyncIndicator />);
}

describe('the sync chip', () => {
  test('network up, server not answering: "Mất kết nối máy chủ", not "Ngoại tuyến"', async () => {
    showWith({ phase: 'unreachable', lastError: 'sync.errUnreachable' });
    await waitFor(() => expect(screen.getByText('Mất kết nối máy chủ')).toBeTruthy());
    expect(screen.queryByText(/Ngoại tuyến/)).toBeNull();
  });

  test('no network: "Ngoại tuyến"', async () => {
    showWith({ phase: 'offline', lastError: 'sync.errNetwork' }, false);
    await waitFor(() => expect(screen.getByText('Ngoại tuyến')).toBeTruthy());
  });

  test('the server answered with an error: "Máy chủ báo lỗi"', async () => {
    showWith({ phase: 'error', lastError: 'sync.errServer' });
    await waitFor(() => expect(screen.getByText('Máy chủ báo lỗi')).toBeTruthy());
    expect(screen.queryByText(/Ngoại tuyến/)).toBeNull();
  });
});

describe('the /sync page', () => {
  test('explains each case in words', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    patchSyncStatus({ phase: 'unreachable', lastError: 'sync.errUnreachable' });
    const { unmount } = render(<LocationProvider><SyncStatusPage /></LocationProvider>);
    await waitFor(() => expect(screen.getByText(/Máy có mạng nhưng không kết nối được máy chủ/)).toBeTruthy());
    unmount();
    patchSyncStatus({ phase: 'error', lastError: 'sync.errServer' });
    render(<LocationProvider><SyncStatusPage /></LocationProvider>);
    await waitFor(() => expect(screen.getByText(/Máy chủ báo lỗi nên chưa đồng bộ được/)).toBeTruthy());
  });
});

describe('the join screen', () => {
  test('has no server address to type: it joins the server that served the app', async () => {
    const { container } = render(<LocationProvider><JoinPage /></LocationProvider>);
    await waitFor(() => expect(screen.getByLabelText(/Mã mời/)).toBeTruthy());
    expect(screen.queryByLabelText(/Địa chỉ máy chủ/)).toBeNull();
    expect(container.querySelector('input[type="url"]')).toBeNull();
  });
});
