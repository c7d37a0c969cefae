// @vitest-environment jsdom
// A screen whose chunk is not on the phone (offline, never downloaded) shows a notice with
// "Thử lại" and "Quay lại" instead of a blank page; trying again (by hand, or by itself once the
// network is really back) reloads the page. Errors of the screen's own code still reach the
// ErrorBoundary.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import type { ComponentType } from 'preact';
import { LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { AUTO_RELOADS, lazyRoute, ONLINE_SETTLE_MS, RELOADS_WINDOW_MS, RETRY_MAX_MS } from '../../../src/app/lazy-route';
import { isChunkLoadError } from '../../../src/lib/chunk-error';
import { ErrorBoundary } from '../../../src/app/ErrorBoundary';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** The network is not back: every check fails. */
const down = () => Promise.resolve(false);

type Loader = () => Promise<{ default: ComponentType<object> }>;
const offline: Loader = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module: http://localhost/assets/ImportPage-x.js'));
const Screen = () => <h1>Nhập danh sách từ Excel</h1>;
const Home = () => <h1>Trang chính</h1>;

function mount(component: ReturnType<typeof lazyRoute>, path = '/import') {
  history.replaceState(null, '', path);
  let go: (url: string) => void = () => undefined;
  function Nav() {
    go = useLocation().route;
    return null;
  }
  render(
    <LocationProvider>
      <ErrorBoundary>
        <Nav />
        <Router>
          <Route path="/" component={Home} />
          <Route path="/import" component={component} />
        </Router>
      </ErrorBoundary>
    </LocationProvider>,
  );
  return { go: (url: string) => go(url) };
}

/** With fake timers (findBy* would wait on them): let the import fail, paint and run the notice's effect. */
async function shown() {
  await vi.advanceTimersByTimeAsync(200);
  expect(screen.getByRole('heading', { name: 'Chưa có trên máy' })).toBeTruthy();
}

describe('lazyRoute', () => {
  test('offline: the notice in Vietnamese, with "Thử lại" (reloads the page) and "Quay lại"', async () => {
    const reload = vi.fn();
    mount(lazyRoute(vi.fn<Loader>(offline), reload, down));
    await screen.findByRole('heading', { name: 'Chưa có trên máy' });
    expect(screen.getByRole('alert').textContent).toContain('Chức năng này chưa được tải về máy. Hãy mở lại khi có mạng — sau lần đầu, nó dùng được cả khi không có mạng.');
    expect(screen.getByRole('button', { name: 'Quay lại' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Thử lại' }));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  test('the browser coming back online, and staying online, tries again by itself', async () => {
    const reload = vi.fn();
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    mount(lazyRoute(vi.fn<Loader>(offline), reload, () => Promise.resolve(true)));
    await screen.findByRole('heading', { name: 'Chưa có trên máy' });
    await new Promise((r) => setTimeout(r, 50)); // the notice listens from its effect, which runs after paint
    onLine.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    expect(reload).not.toHaveBeenCalled(); // not on the event itself: a moment later, if still online
    await vi.waitFor(() => expect(reload).toHaveBeenCalledTimes(1), { timeout: 3 * ONLINE_SETTLE_MS });
  });

  test('an "online" blip followed by "offline" does not reload (it reloaded this screen over the one being opened, issue 8 item 3)', async () => {
    const reload = vi.fn();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    mount(lazyRoute(vi.fn<Loader>(offline), reload, () => Promise.resolve(true)));
    await shown();
    try {
      onLine.mockReturnValue(true);
      window.dispatchEvent(new Event('online'));
      onLine.mockReturnValue(false);
      window.dispatchEvent(new Event('offline'));
      await vi.advanceTimersByTimeAsync(5 * ONLINE_SETTLE_MS);
      expect(reload).not.toHaveBeenCalled();
      // and a page being left never reloads itself afterwards
      onLine.mockReturnValue(true);
      window.dispatchEvent(new Event('online'));
      window.dispatchEvent(new Event('pagehide'));
      await vi.advanceTimersByTimeAsync(5 * RETRY_MAX_MS);
      expect(reload).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  test('online, but the server does not answer (or a reload just after coming back failed): it checks again, less and less often, and reloads once it answers', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    let back = false;
    const check = vi.fn(() => Promise.resolve(back));
    const reload = vi.fn();
    mount(lazyRoute(vi.fn<Loader>(offline), reload, check));
    await shown();
    await vi.advanceTimersByTimeAsync(ONLINE_SETTLE_MS);
    expect(check).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2 * ONLINE_SETTLE_MS);
    expect(check).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(2 * ONLINE_SETTLE_MS);
    expect(check).toHaveBeenCalledTimes(2); // the next wait is twice as long
    await vi.advanceTimersByTimeAsync(2 * ONLINE_SETTLE_MS);
    expect(check).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(10 * RETRY_MAX_MS);
    expect(check.mock.calls.length).toBeLessThanOrEqual(3 + 2 + 10); // 16 s, 30 s, then every 30 s
    expect(reload).not.toHaveBeenCalled();
    back = true;
    await vi.advanceTimersByTimeAsync(RETRY_MAX_MS);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  test(`at most ${AUTO_RELOADS} reloads by itself for one address within a while; "Thử lại" still reloads; later the count starts again`, async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    const reload = vi.fn();
    // each "reload" mounts the notice afresh, as a reloaded page does
    for (let i = 0; i < AUTO_RELOADS + 1; i++) {
      mount(lazyRoute(vi.fn<Loader>(offline), reload, () => Promise.resolve(true)));
      await shown();
      await vi.advanceTimersByTimeAsync(RETRY_MAX_MS);
      cleanup();
    }
    expect(reload).toHaveBeenCalledTimes(AUTO_RELOADS);
    mount(lazyRoute(vi.fn<Loader>(offline), reload, () => Promise.resolve(true)));
    await shown();
    fireEvent.click(screen.getByRole('button', { name: 'Thử lại' }));
    expect(reload).toHaveBeenCalledTimes(AUTO_RELOADS + 1);
    cleanup();
    // a while later, a failure may reload by itself again
    vi.setSystemTime(Date.now() + RELOADS_WINDOW_MS);
    mount(lazyRoute(vi.fn<Loader>(offline), reload, () => Promise.resolve(true)));
    await shown();
    await vi.advanceTimersByTimeAsync(RETRY_MAX_MS);
    expect(reload).toHaveBeenCalledTimes(AUTO_RELOADS + 2);
  });

  test('"Quay lại" goes back to where the user came from', async () => {
    const { go } = mount(lazyRoute(vi.fn<Loader>(offline), vi.fn(), down), '/');
    await screen.findByRole('heading', { name: 'Trang chính' });
    go('/import');
    await screen.findByRole('heading', { name: 'Chưa có trên máy' });
    fireEvent.click(screen.getByRole('button', { name: 'Quay lại' }));
    await screen.findByRole('heading', { name: 'Trang chính' });
  });

  test('a screen that loads renders, and is imported once', async () => {
    const load = vi.fn<Loader>(() => Promise.resolve({ default: Screen }));
    const { go } = mount(lazyRoute(load));
    await screen.findByRole('heading', { name: 'Nhập danh sách từ Excel' });
    go('/');
    await screen.findByRole('heading', { name: 'Trang chính' });
    go('/import');
    await screen.findByRole('heading', { name: 'Nhập danh sách từ Excel' });
    expect(load).toHaveBeenCalledTimes(1);
  });

  test("an error of the module's own code is not dressed up as 'not downloaded': the ErrorBoundary shows it", async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    mount(lazyRoute(() => Promise.reject(new ReferenceError('x is not defined'))));
    await screen.findByRole('heading', { name: 'Có lỗi xảy ra' });
    expect(screen.queryByText('Chưa có trên máy')).toBeNull();
    spy.mockRestore();
  });
});

describe('isChunkLoadError', () => {
  test("the browsers' messages for a chunk that could not be fetched, and nothing else", () => {
    expect(isChunkLoadError(new TypeError('Failed to fetch dynamically imported module: https://x/assets/a.js'))).toBe(true); // Chromium
    expect(isChunkLoadError(new TypeError('error loading dynamically imported module: https://x/assets/a.js'))).toBe(true); // Firefox
    expect(isChunkLoadError(new TypeError('Importing a module script failed.'))).toBe(true); // Safari
    expect(isChunkLoadError(new Error('Unable to preload CSS for /assets/a.css'))).toBe(true); // vite
    expect(isChunkLoadError(new TypeError('Failed to fetch'))).toBe(false); // an API call, not a chunk
    expect(isChunkLoadError(new ReferenceError('x is not defined'))).toBe(false);
    expect(isChunkLoadError(undefined)).toBe(false);
  });
});
