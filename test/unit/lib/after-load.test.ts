// @vitest-environment jsdom
// Work that can wait (the PWA banners, the sync chip) starts a moment after the load event and
// not in the middle of typing (src/lib/after-load.ts, issue 13 B5). jsdom's document has
// loaded; its clock is faked here, performance.now() with it.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

let afterLoad: typeof import('../../../src/lib/after-load').afterLoad;
let QUIET_MS: number;
let MAX_WAIT_MS: number;
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  vi.resetModules();
  ({ afterLoad, QUIET_MS, MAX_WAIT_MS } = await import('../../../src/lib/after-load'));
});
afterEach(() => vi.useRealTimers());

const key = () => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'n' }));

describe('afterLoad', () => {
  test('runs its delay after the load event when nobody is typing', () => {
    const fn = vi.fn();
    afterLoad(fn, 2_000);
    vi.advanceTimersByTime(1_999);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  test('waits for a pause in typing, then runs once', () => {
    const fn = vi.fn();
    afterLoad(fn, 2_000);
    vi.advanceTimersByTime(1_500);
    key();
    vi.advanceTimersByTime(500); // the delay is over, the last key half a second ago
    expect(fn).not.toHaveBeenCalled();
    for (let i = 0; i < 5; i++) (vi.advanceTimersByTime(300), key());
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(QUIET_MS - 1);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60_000);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  test('a touch counts as input too', () => {
    const fn = vi.fn();
    afterLoad(fn, 2_000);
    vi.advanceTimersByTime(1_900);
    window.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(100);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(QUIET_MS);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  test('typing without a pause delays it by MAX_WAIT_MS at most', () => {
    const fn = vi.fn();
    afterLoad(fn, 2_000);
    let waited = 0;
    while (!fn.mock.calls.length && waited < 60_000) (key(), vi.advanceTimersByTime(100), (waited += 100));
    expect(waited).toBe(2_000 + MAX_WAIT_MS);
  });

  test('cancelled before it runs, it never runs', () => {
    const fn = vi.fn();
    const cancel = afterLoad(fn, 2_000);
    vi.advanceTimersByTime(1_500);
    key();
    vi.advanceTimersByTime(900); // the delay is over, waiting for a pause
    cancel();
    vi.advanceTimersByTime(60_000);
    expect(fn).not.toHaveBeenCalled();
  });
});
