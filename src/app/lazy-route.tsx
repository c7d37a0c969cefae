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
import { t } from '../i18n';
import { isChunkLoadError } from '../lib/chunk-error';

type Module<P> = { default: ComponentType<P> };

/**
 * Like preact-iso's lazy(), but a chunk that fails to load renders <NotDownloaded> and is
 * loaded again on retry (preact-iso's lazy() keeps a failed load forever). Other errors
 * still reach the ErrorBoundary.
 */
export function lazyRoute<P extends object>(load: () => Promise<Module<P>>): ComponentType<P> {
  let hasFailed = false;
  let attempt = 0;
  const listeners = new Set<() => void>();
  const failed = (error: unknown) => {
    hasFailed = true;
    return function LoadFailed() {
      if (!isChunkLoadError(error)) throw error;
      return <NotDownloaded onRetry={retry} />;
    };
  };
  const make = () =>
    lazy(() =>
      load().then(
        // undefined: vite's preload helper swallowed the error because the preload guard is
        // reloading the page (src/pwa/preload-guard.ts); the notice shows until it does.
        (m): Module<P> => m ?? { default: failed(new Error('Importing a module script failed (reloading)')) },
        (error: unknown): Module<P> => ({ default: failed(error) }),
      ),
    );
  let inner = make();
  function retry() {
    hasFailed = false;
    inner = make();
    attempt++;
    for (const fn of listeners) fn();
  }
  return function LazyRoute(props: P) {
    // A new visit to a screen that failed before tries again (the network may be back).
    useState(() => hasFailed && retry());
    const [, setAttempt] = useState(attempt);
    useEffect(() => {
      const onRetry = () => setAttempt(attempt);
      listeners.add(onRetry);
      return () => void listeners.delete(onRetry);
    }, []);
    const Inner = inner;
    return <Inner {...props} />;
  };
}

/** What a screen whose chunk is not on the phone shows instead (offline, never opened). */
export function NotDownloaded({ onRetry }: { onRetry: () => void }) {
  const { route } = useLocation();
  useEffect(() => {
    window.addEventListener('online', onRetry);
    return () => window.removeEventListener('online', onRetry);
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
