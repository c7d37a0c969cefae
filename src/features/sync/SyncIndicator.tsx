// Compact sync status in the top bar: "Đã đồng bộ 14:05" / "3 thay đổi đang chờ" /
// "Ngoại tuyến" (no network) / "Mất kết nối máy chủ" (network up, no answer) / "Máy chủ
// báo lỗi" (it answered with an error), plus a badge when something needs the user's eyes (conflicts, refused
// changes). Tapping it opens /sync. Starts the app's sync runner.
import { useEffect, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import type { ReadOnlyProps } from '../readonly';
import { tsChip as ts } from './chip-i18n';
import { useLive } from '../../data/live';
import { appSync } from '../../sync/app-sync';
import { syncOverview } from '../../sync/sync-queries';
import { formatWhen } from './when';
import { useOnline, useSyncStatus } from './use-sync';
import './sync.css';

export function SyncIndicator() {
  // A phone that joins or sets up its unit now: read again from the new database.
  const [unitTick, setUnitTick] = useState(0);
  useEffect(() => {
    appSync();
    const onUnit = () => setUnitTick((n) => n + 1);
    window.addEventListener('scd:unit-ready', onUnit);
    return () => window.removeEventListener('scd:unit-ready', onUnit);
  }, []);
  const status = useSyncStatus();
  const online = useOnline();
  const overview = useLive(syncOverview, [unitTick]).value;
  // A joined phone loads the read-only part (features/readonly, not precached): for a role that
  // does not keep the book (viewer, supervisor) it hides every edit control and shows the bar.
  const server = overview?.server;
  const [Ro, setRo] = useState<ComponentType<ReadOnlyProps>>();
  useEffect(() => void (server && import('../readonly').then((m) => m.loadReadOnly()).then((c) => setRo(() => c), () => undefined)), [!server]);
  if (!overview) return null;

  const review = overview.conflicts + overview.needsAttention;
  let text: string;
  let tone = '';
  // Why the last try failed, in the user's words: no network, no answer, or an error answer.
  const why = !online || status.phase === 'offline' ? 'offline' : status.phase === 'unreachable' ? 'unreachable' : status.lastError === 'sync.errServer' ? 'serverError' : '';
  if (!overview.server) {
    if (!overview.pending && !review) return null; // a phone used alone: nothing to nag about
    text = ts('localOnly');
  } else if (overview.paused || status.phase === 'paused') {
    text = ts('paused');
    tone = 'warn';
  } else if (why) {
    text = overview.pending ? `${ts(why)} · ${overview.pending}` : ts(why);
    tone = why === 'serverError' ? 'warn' : 'off';
  } else if (status.phase === 'syncing' && overview.pending) {
    text = ts('syncing');
  } else if (overview.pending) {
    text = ts('pendingN', { n: overview.pending });
  } else if (overview.lastSyncedAt) {
    text = ts('syncedAt', { time: formatWhen(overview.lastSyncedAt) });
  } else {
    text = ts('neverSynced');
  }
  const href = review ? (overview.conflicts ? '/sync/conflicts' : '/sync/attention') : '/sync';
  return (
    <a class={`sync-chip ${tone}`} href={href} aria-label={`${ts('statusLabel')}: ${text}${review ? `, ${ts('reviewN', { n: review })}` : ''}`}>
      <span class="sync-chip-text">{text}</span>
      {review > 0 && <span class="sync-badge">{review}</span>}
      {/* renders nothing here: its bar goes between the top bar and the screen */}
      {Ro && server && <Ro role={server.role} unitName={server.unitName} />}
    </a>
  );
}
