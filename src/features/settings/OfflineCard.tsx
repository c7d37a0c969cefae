// Settings → "Dùng khi không có mạng": the main screens are on the phone from the first visit;
// the rest (training, rating, dues grid and slip, import, backup…) loads the first time it is
// opened, or all at once from here before going where there is no signal.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { canKeepOffline, downloadExtras, extrasState, type ExtrasState } from '../../pwa/offline-extras';

export function OfflineCard() {
  const [state, setState] = useState<ExtrasState | undefined>(undefined);
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>(undefined);
  const [error, setError] = useState(false);

  useEffect(() => {
    // The list comes from the server: offline, the card says it needs the network, without a
    // request bound to fail (the browser logs each failed one as an error).
    if (canKeepOffline() && navigator.onLine) void extrasState().then(setState, () => setState(undefined));
  }, []);

  if (!canKeepOffline()) return null;

  async function download() {
    setError(false);
    try {
      setState(await downloadExtras((done, total) => setProgress({ done, total })));
    } catch {
      setError(true);
    } finally {
      setProgress(undefined);
    }
  }

  const total = state?.extras.length ?? 0;
  const isComplete = !!state && state.present >= total;
  const kb = state ? Math.max(1, Math.round(state.extras.reduce((s, e) => s + e.bytes, 0) / 1024 / 3)) : 0;
  return (
    <section class="card" aria-labelledby="settings-offline">
      <h2 id="settings-offline">{t('settings.offlineTitle')}</h2>
      <p class="small">{t('settings.offlineIntro')}</p>
      {state === undefined && !progress ? (
        <p class="muted small">{t('settings.offlineNeedsNetwork')}</p>
      ) : isComplete ? (
        <p class="ok" role="status">
          ✓ {t('settings.offlineAll')}
        </p>
      ) : (
        <>
          {state && <p class="muted small">{t('settings.offlineSome', { present: state.present, total, kb })}</p>}
          <button class="btn primary block" type="button" disabled={!!progress} onClick={() => void download()}>
            {progress ? t('settings.offlineProgress', { done: progress.done, total: progress.total }) : t('settings.offlineDownload')}
          </button>
        </>
      )}
      {error && (
        <p class="error small" role="alert">
          {t('settings.offlineError')}
        </p>
      )}
    </section>
  );
}
