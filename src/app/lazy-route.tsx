// Lazy screens that cope with a chunk the phone does not have. Some screens are left out of
// the service worker's precache (vite.config.ts: import, backup, English, online-only sync
// screens): opened with no network before their first visit, their import() fails. Instead
// of a blank page or the generic error, the screen says so, offers to try again (and tries
// by itself when the browser says it is back online), and the shell's navigation stays.
// Part of the shell bundle: keep it small. Import it from the shell only (lazy chunks use
// lib/chunk-error.ts): a lazy chunk importing this module made rolldown split the shell in four.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { lazy, useLocation } from 'preact-iso';
import { onLanguageChange, t } from '../i18n';
import { isChunkLoadError } from '../lib/chunk-error';

type Module<P> = { default: ComponentType<P> };

/**
 * preact-iso's lazy(), but a chunk that fails to load renders <NotDownloaded> instead of
 * leaving the router waiting (a blank page). Trying again reloads the page: in the same page
 * vite's preload helper would not fetch the screen's stylesheet again (it remembers the URL
 * it already tried), so the screen would come back unstyled and its CSS never cached. Other
 * errors still reach the ErrorBoundary.
 */
export function lazyRoute<P extends object>(
  load: () => Promise<Module<P>>,
  reload = () => location.reload(),
  probe = reachable,
): ComponentType<P> {
  const failed = (error: unknown): Module<P> => ({
    default: function LoadFailed() {
      if (!isChunkLoadError(error)) throw error;
      return <NotDownloaded onRetry={reload} probe={probe} />;
    },
  });
  const Screen = lazy(() =>
    load().then(
      // undefined: vite's preload helper swallowed the error because the preload guard is
      // reloading the page (src/pwa/preload-guard.ts); the notice shows until it does.
      (m) => m ?? failed(new Error('Importing a module script failed (reloading)')),
      failed,
    ),
  );
  // The router keeps the open screen's element while the URL stays the same: a change of
  // language has to re-render the screen from here.
  return function Route(props: P) {
    const [, setTick] = useState(0);
    useEffect(() => onLanguageChange(() => setTick((n) => n + 1)), []);
    return <Screen {...props} />;
  };
}

/**
 * How long the browser must stay online before the notice tries again by itself. An "online"
 * event is not a connection: phones flap between networks, and Chromium sends a page being
 * left "online" then "offline" within milliseconds (seen with DevTools offline emulation). Reloading at once on that blip reloaded
 * this screen over the one the user was opening: offline /settings showed the previous
 * screen's "Chưa có trên máy" (issue 8 item 3, docs/decisions.md).
 */
export const ONLINE_SETTLE_MS = 1_000;
/** The longest wait between two checks while the notice shows. */
export const RETRY_MAX_MS = 30_000;
/** Reloads the notice may make by itself for one address within RELOADS_WINDOW_MS, before leaving it to Thử lại. */
export const AUTO_RELOADS = 3;
export const RELOADS_WINDOW_MS = 120_000;
const RELOADS_KEY = 'scd:notice-reloads';

/**
 * Whether the server answers now (the network is really back): the service worker's script,
 * always on the server, never precached, never from the HTTP cache. (Not the file the import
 * missed: after a new version is deployed that file is gone, and a reload is what brings the
 * new one.)
 */
export async function reachable(): Promise<boolean> {
  try {
    return (await fetch('/sw.js', { cache: 'no-store' })).ok;
  } catch {
    return false;
  }
}

/**
 * The reloads the notice made by itself at this address lately (the last within
 * RELOADS_WINDOW_MS of the first); `next` first saves a new count. Nothing is written when a
 * screen loads: an old count expires. Storage refused: Infinity, so no reload is risked that
 * cannot be counted.
 */
function reloads(next?: number): number {
  try {
    const [path, n, since] = (sessionStorage.getItem(RELOADS_KEY) ?? '').split(' ');
    const count = path === location.pathname && Date.now() - Number(since) < RELOADS_WINDOW_MS ? Number(n) : 0;
    if (next === undefined) return count;
    sessionStorage.setItem(RELOADS_KEY, `${location.pathname} ${next} ${count ? since : Date.now()}`);
    return next;
  } catch {
    return Infinity;
  }
}

/**
 * What a screen whose chunk is not on the phone shows instead (offline, never opened). While it
 * shows and the browser says it is online, it checks the network now and then (sooner after an
 * "online" event, less often as time goes by) and tries again when the server answers. Just back
 * online, a reload can still fail (seen in a loaded run): the reloaded notice keeps checking, up
 * to AUTO_RELOADS reloads for the same address.
 */
export function NotDownloaded({ onRetry, probe }: { onRetry: () => void; probe: () => Promise<boolean> }) {
  const { route } = useLocation();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = ONLINE_SETTLE_MS;
    let live = true;
    const tick = async () => {
      if (navigator.onLine && (await probe()) && live && navigator.onLine) {
        const n = reloads();
        // past the limit, or no way to count: Thử lại is still there
        if (n < AUTO_RELOADS && reloads(n + 1) === n + 1) onRetry();
        return;
      }
      if (live) timer = setTimeout(tick, (delay = Math.min(delay * 2, RETRY_MAX_MS)));
    };
    const start = () => {
      clearTimeout(timer);
      timer = setTimeout(tick, (delay = ONLINE_SETTLE_MS));
    };
    const cancel = () => clearTimeout(timer);
    const stop = () => {
      live = false;
      cancel();
    };
    start();
    window.addEventListener('online', start);
    window.addEventListener('offline', cancel);
    window.addEventListener('pagehide', stop);
    return () => {
      stop();
      window.removeEventListener('online', start);
      window.removeEventListener('offline', cancel);
      window.removeEventListener('pagehide', stop);
    };
  }, [onRetry, probe]);
  const back = () => (history.length > 1 ? history.back() : route('/'));
  return (
    <main class="page" role="alert">
      <h1>{t('common.notDownloadedTitle')}</h1>
      <p>{t('common.notDownloaded')}</p>
      <div class="row">
        <button type="button" class="btn primary" onClick={onRetry}>
          {t('common.retry')}
        </button>
        <button type="button" class="btn" onClick={back}>
          {t('common.back')}
        </button>
      </div>
    </main>
  );
}
