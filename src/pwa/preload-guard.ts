// A lazy chunk that fails to load (usually: a new version was deployed and the old chunk is
// gone) is fixed by loading the page again — once, only when online, and never over a form
// with unsaved edits. Otherwise the error reaches the ErrorBoundary as usual.
// Vite dispatches "vite:preloadError" when a dynamic import or its preloads fail.
// Part of the shell bundle: keep it tiny.
import { isAnyFormDirty } from './dirty';

const KEY = 'scd:preloadReloadAt';
/** A second failure within this time after our reload is a real outage, not a stale page. */
export const RELOAD_GUARD_MS = 60_000;

export function shouldReloadForPreloadError(o: {
  now: number;
  lastReloadAt: number | undefined;
  isOnline: boolean;
  isDirty: boolean;
}): boolean {
  if (!o.isOnline || o.isDirty) return false;
  return o.lastReloadAt === undefined || o.now - o.lastReloadAt > RELOAD_GUARD_MS;
}

export function installPreloadGuard(reload = () => location.reload()): () => void {
  const onError = (e: Event) => {
    let lastReloadAt: number | undefined;
    try {
      lastReloadAt = Number(sessionStorage.getItem(KEY)) || undefined;
    } catch {
      // storage blocked: treat as never reloaded, the guard below still stops a loop
    }
    const now = Date.now();
    if (!shouldReloadForPreloadError({ now, lastReloadAt, isOnline: navigator.onLine, isDirty: isAnyFormDirty() })) return;
    try {
      sessionStorage.setItem(KEY, String(now));
    } catch {
      return; // cannot remember the reload, so do not risk a reload loop
    }
    e.preventDefault();
    reload();
  };
  window.addEventListener('vite:preloadError', onError);
  return () => window.removeEventListener('vite:preloadError', onError);
}
