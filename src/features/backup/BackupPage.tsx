// Backup & restore (/settings/backup). Reachable with no unit on the device: a new phone's
// first-run screen links here to restore.
import { downloadFile } from '../../lib/download';
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { onLanguageChange, t } from '../../i18n';
import { tb } from './i18n';
import { getCurrentUnitId } from '../../data/prefs';
import { APP_VERSION } from '../../pwa/build-info';
import { exportBackup } from './backup-repo';
import { RestoreCard } from './RestoreCard';
import './backup.css';

export default function BackupPage() {
  const [hasUnit, setHasUnit] = useState<boolean | undefined>(undefined);
  const { route } = useLocation();
  // Same route element across a language switch: re-render on our own (see SettingsPage).
  const [, setLangTick] = useState(0);
  useEffect(() => onLanguageChange(() => setLangTick((n) => n + 1)), []);

  useEffect(() => {
    void getCurrentUnitId().then((id) => setHasUnit(!!id));
  }, []);

  function onRestored() {
    window.dispatchEvent(new Event('scd:unit-ready'));
    route('/');
  }

  return (
    <main class="page backup">
      <a class="back" href={hasUnit === false ? '/setup' : '/settings'}>
        ← {hasUnit === false ? tb('backToSetup') : tb('backToSettings')}
      </a>
      <h1>{tb('title')}</h1>
      {hasUnit !== undefined && <ExportCard hasUnit={hasUnit} />}
      <RestoreCard onRestored={onRestored} />
    </main>
  );
}

function ExportCard({ hasUnit }: { hasUnit: boolean }) {
  const [isBusy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const [error, setError] = useState('');

  async function onExport() {
    setBusy(true);
    setDone('');
    setError('');
    try {
      const { fileName, text } = await exportBackup(APP_VERSION);
      downloadFile(text, fileName, 'application/json');
      setDone(tb('exported', { file: fileName }));
    } catch (e) {
      console.error(e);
      setError(t('err.unexpected'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby="backup-export">
      <h2 id="backup-export">{tb('exportTitle')}</h2>
      {hasUnit ? (
        <>
          <p>{tb('exportLead')}</p>
          <p class="muted small">{tb('exportPrivacy')}</p>
          <button class="btn primary block" type="button" disabled={isBusy} onClick={() => void onExport()}>
            {isBusy ? tb('exporting') : tb('exportButton')}
          </button>
          {done && (
            <p class="ok small" role="status">
              {done}
            </p>
          )}
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
        </>
      ) : (
        <p class="muted">{tb('noUnit')}</p>
      )}
    </section>
  );
}

