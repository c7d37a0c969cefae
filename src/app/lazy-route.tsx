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
export function lazyRoute<P extends object>(load: () => Promise<Module<P>>, reload = () => location.reload()): ComponentType<P> {
  const failed = (error: unknown): Module<P> => ({
    default: function LoadFailed() {
      if (!isChunkLoadError(error)) throw error;
      return <NotDownloaded onRetry={reload} />;
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

/**
 * What a screen whose chunk is not on the phone shows instead (offline, never opened). When
 * the browser says it is back online, and still says so a moment later, it tries again.
 */
export function NotDownloaded({ onRetry }: { onRetry: () => void }) {
  const { route } = useLocation();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onOnline = () => {
      clearTimeout(timer);
      timer = setTimeout(() => navigator.onLine && onRetry(), ONLINE_SETTLE_MS);
    };
    const cancel = () => clearTimeout(timer);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', cancel);
    window.addEventListener('pagehide', cancel);
    return () => {
      cancel();
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', cancel);
      window.removeEventListener('pagehide', cancel);
    };
  }, [onRetry]);
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
