// @vitest-environment jsdom
// Where a phone with no unit of its own lands: the first-run screen, or — when a supervisor is
// signed in on it — the level above (the shell decides before Dexie loads, from idb-keyval).
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { App } from '../../../src/app/App';
import { clearCurrentUnitId } from '../../../src/data/prefs';
import { clearAbove, setAbove } from '../../../src/features/above/registry';

beforeEach(async () => {
  await clearCurrentUnitId();
  await clearAbove();
});
afterEach(() => cleanup());
// The shell loads its chip and update prompt after first paint: let them land before teardown.
afterAll(() => new Promise((r) => setTimeout(r, 1500)));

describe('the first-run gate', () => {
  it('sends a phone with no unit to /setup', async () => {
    history.replaceState(null, '', '/members');
    render(<App />);
    await waitFor(() => expect(location.pathname).toBe('/setup'));
    await screen.findByRole('link', { name: 'Cán bộ cấp trên? Đăng nhập' }, { timeout: 5000 });
  });

  it('sends a supervisor-only phone to /above, and leaves /above/… alone', async () => {
    await setAbove({ baseUrl: '', username: 'can-bo-lan', accountToken: 't', signedInAt: '2026-12-06T08:00:00.000Z', units: [] });
    history.replaceState(null, '', '/');
    render(<App />);
    await waitFor(() => expect(location.pathname).toBe('/above'));
    await screen.findByText('Tài khoản: can-bo-lan', undefined, { timeout: 5000 });
    cleanup();
    history.replaceState(null, '', '/above/agenda');
    render(<App />);
    await screen.findByText('Lịch của các đơn vị', undefined, { timeout: 5000 });
    expect(location.pathname).toBe('/above/agenda');
  });
});
