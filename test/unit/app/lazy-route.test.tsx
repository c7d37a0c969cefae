// @vitest-environment jsdom
// A screen whose chunk is not on the phone (offline, never downloaded) shows a notice with
// "Thử lại" instead of a blank page; retrying, the browser coming back online, or opening the
// screen again loads it once the network is back. Errors of the screen's own code still reach
// the ErrorBoundary.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import type { ComponentType } from 'preact';
import { LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { lazyRoute } from '../../../src/app/lazy-route';
import { isChunkLoadError } from '../../../src/lib/chunk-error';
import { ErrorBoundary } from '../../../src/app/ErrorBoundary';

afterEach(() => cleanup());

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

describe('lazyRoute', () => {
  test('offline: the notice in Vietnamese with a retry; "Thử lại" loads the screen once the network is back', async () => {
    const load = vi.fn<Loader>(offline);
    mount(lazyRoute(load));
    await screen.findByRole('heading', { name: 'Chưa có trên máy' });
    expect(screen.getByRole('alert').textContent).toContain('Chức năng này chưa được tải về máy. Hãy mở lại khi có mạng — sau lần đầu, nó dùng được cả khi không có mạng.');
    expect(screen.getByRole('button', { name: 'Quay lại' })).toBeTruthy();

    load.mockImplementation(() => Promise.resolve({ default: Screen }));
    fireEvent.click(screen.getByRole('button', { name: 'Thử lại' }));
    await screen.findByRole('heading', { name: 'Nhập danh sách từ Excel' });
    expect(load).toHaveBeenCalledTimes(2);
    expect(screen.queryByText('Chưa có trên máy')).toBeNull();
  });

  test('still offline: "Thử lại" tries again and the notice stays', async () => {
    const load = vi.fn<Loader>(offline);
    mount(lazyRoute(load));
    fireEvent.click(await screen.findByRole('button', { name: 'Thử lại' }));
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(2));
    await screen.findByRole('heading', { name: 'Chưa có trên máy' });
  });

  test('the browser coming back online retries by itself', async () => {
    const load = vi.fn<Loader>(offline);
    mount(lazyRoute(load));
    await screen.findByRole('heading', { name: 'Chưa có trên máy' });
    load.mockImplementation(() => Promise.resolve({ default: Screen }));
    // (the notice listens from its effect, which runs after paint: send until it is heard)
    await vi.waitFor(() => {
      window.dispatchEvent(new Event('online'));
      expect(screen.getByRole('heading', { name: 'Nhập danh sách từ Excel' })).toBeTruthy();
    });
  });

  test('opening the screen again after a failure tries again', async () => {
    const load = vi.fn<Loader>(offline);
    const { go } = mount(lazyRoute(load));
    await screen.findByRole('heading', { name: 'Chưa có trên máy' });
    go('/');
    await screen.findByRole('heading', { name: 'Trang chính' });
    load.mockImplementation(() => Promise.resolve({ default: Screen }));
    go('/import');
    await screen.findByRole('heading', { name: 'Nhập danh sách từ Excel' });
    expect(load).toHaveBeenCalledTimes(2);
  });

  test('a screen that loads is imported once', async () => {
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
