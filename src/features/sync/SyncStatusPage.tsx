// /sync: what is waiting, what synced, what needs the user's eyes, and "Đồng bộ ngay".
import { useEffect, useState } from 'preact/hooks';
import { t, tDynamic } from '../../i18n';
import { ts } from '../../sync/i18n';
import { useLive } from '../../data/live';
import { appSync, syncNow } from '../../sync/app-sync';
import { syncOverview } from '../../sync/sync-queries';
import { formatWhen, roleLabel } from './format';
import { useOnline, useSyncStatus } from './use-sync';
import './sync.css';
import './sync-screens.css';

export default function SyncStatusPage() {
  useEffect(() => void appSync(), []);
  const live = useLive(syncOverview, []);
  const status = useSyncStatus();
  const online = useOnline();
  const [isBusy, setBusy] = useState(false);
  const o = live.value;

  if (!live.isLoaded) return <main class="page"><p class="muted">{t('common.loading')}</p></main>;
  if (!o || !o.server) {
    return (
      <main class="page sync-page">
        <h1>{ts('title')}</h1>
        <section class="card">
          <p>{ts('localOnlyExplain')}</p>
          {o && <p class="muted">{o.pending ? ts('pendingN', { n: o.pending }) : ts('waitingNone')}</p>}
          {o && o.photosWaiting > 0 && <p class="muted" data-testid="photos-waiting">{ts('photosWaiting', { n: o.photosWaiting })}</p>}
          <a class="btn primary" href="/join">{ts('joinLink')}</a>
        </section>
      </main>
    );
  }

  const paused = o.paused || status.phase === 'paused';
  const run = async () => {
    setBusy(true);
    try {
      await syncNow();
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="page sync-page">
      <h1>{ts('title')}</h1>
      <p class="muted">
        {ts('unitOnServer', { name: o.server.unitName })} · {ts('roleLine', { role: roleLabel(o.server.role) })}
      </p>
      {paused && (
        <section class="card warn" role="alert">
          <p>{ts('errAuth')}</p>
          <a class="btn primary" href="/join">{ts('rejoin')}</a>
        </section>
      )}
      {/* which it is: no network, the server not answering, or the server answering with an error */}
      {!paused && (!online || status.phase === 'offline') ? (
        <p class="muted" role="status">{ts('errNetwork')}</p>
      ) : !paused && (status.phase === 'unreachable' || status.phase === 'error') ? (
        <p class={status.phase === 'error' ? 'error' : 'muted'} role="status">
          {ts(status.phase === 'unreachable' ? 'errUnreachable' : status.lastError === 'sync.errServer' ? 'errServer' : 'errUnknown')}{' '}
          {status.retryAt ? ts('retryAt', { time: formatWhen(new Date(status.retryAt).toISOString()) }) : ''}
        </p>
      ) : null}
      <section class="card">
        <dl class="facts">
          <div>
            <dt>{ts('lastSynced')}</dt>
            <dd data-testid="last-synced">{o.lastSyncedAt ? formatWhen(o.lastSyncedAt) : ts('neverSynced')}</dd>
          </div>
          <div>
            <dt>{ts('waiting')}</dt>
            <dd data-testid="pending">{o.pending ? ts('pendingN', { n: o.pending }) : ts('waitingNone')}</dd>
          </div>
          {o.photosWaiting > 0 && (
            <div>
              <dt>{ts('photosTitle')}</dt>
              <dd data-testid="photos-waiting">
                {ts('photosWaiting', { n: o.photosWaiting })}
                {o.photosLastError && <span class={`small ${o.photosLastError === 'sync.filesErrQuota' ? 'error' : 'muted'}`}> — {tDynamic(o.photosLastError)}</span>}
              </dd>
            </div>
          )}
        </dl>
        <p class="small muted">{ts('waitingHint')}</p>
        <button class="btn primary block" disabled={isBusy || paused} onClick={() => void run()}>
          {isBusy || status.phase === 'syncing' ? ts('syncing') : ts('syncNow')}
        </button>
      </section>
      <nav class="sync-links">
        <a class={`btn block ${o.conflicts ? 'attention' : ''}`} href="/sync/conflicts">
          {ts('conflictsLink', { n: o.conflicts })}
        </a>
        <a class={`btn block ${o.needsAttention ? 'attention' : ''}`} href="/sync/attention">
          {ts('attentionLink', { n: o.needsAttention })}
        </a>
        {o.server.role === 'secretary' && (
          <a class="btn block" href="/sync/devices">
            {ts('devicesLink')}
          </a>
        )}
      </nav>
    </main>
  );
}
