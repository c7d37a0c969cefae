// @vitest-environment jsdom
// A lazy chunk missing after a deploy reloads the page once — only online, never over a dirty
// form, never in a loop.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installPreloadGuard, RELOAD_GUARD_MS, shouldReloadForPreloadError } from '../../../src/pwa/preload-guard';
import { markDirty } from '../../../src/pwa/dirty';

function preloadError(): Event {
  const e = new Event('vite:preloadError', { cancelable: true });
  window.dispatchEvent(e);
  return e;
}

describe('shouldReloadForPreloadError', () => {
  const base = { now: 1_000_000, lastReloadAt: undefined, isOnline: true, isDirty: false };
  it('reloads a clean, online page that has not just reloaded', () => {
    expect(shouldReloadForPreloadError(base)).toBe(true);
  });
  it('not offline, not over a dirty form, not twice in a row', () => {
    expect(shouldReloadForPreloadError({ ...base, isOnline: false })).toBe(false);
    expect(shouldReloadForPreloadError({ ...base, isDirty: true })).toBe(false);
    expect(shouldReloadForPreloadError({ ...base, lastReloadAt: base.now - 1000 })).toBe(false);
    expect(shouldReloadForPreloadError({ ...base, lastReloadAt: base.now - RELOAD_GUARD_MS - 1 })).toBe(true);
  });
});

describe('installPreloadGuard', () => {
  let reload: ReturnType<typeof vi.fn<() => void>>;
  let uninstall: () => void;
  beforeEach(() => {
    sessionStorage.clear();
    reload = vi.fn<() => void>();
    uninstall = installPreloadGuard(reload);
  });
  afterEach(() => {
    uninstall();
    markDirty('member-form', false);
  });

  it('reloads once and swallows the error; a second failure goes to the error screen', () => {
    const first = preloadError();
    expect(reload).toHaveBeenCalledTimes(1);
    expect(first.defaultPrevented).toBe(true);
    const second = preloadError();
    expect(reload).toHaveBeenCalledTimes(1);
    expect(second.defaultPrevented).toBe(false);
  });

  it('keeps a dirty form: no reload', () => {
    markDirty('member-form', true);
    const e = preloadError();
    expect(reload).not.toHaveBeenCalled();
    expect(e.defaultPrevented).toBe(false);
  });

  it('offline: no reload', () => {
    const spy = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    preloadError();
    spy.mockRestore();
    expect(reload).not.toHaveBeenCalled();
  });
});
