// A sent report: which version, when and by whom, whether it has left the phone, on time or
// late, cấp trên's review (received, or returned with a comment), "Làm bản n+1"; and the list
// of every sent version, each readable as printed.
import { useState } from 'preact/hooks';
import { formatDate } from '../../lib/dates';
import { startNextVersion } from './reports-repo';
import type { ReportView } from './report-editor-queries';
import { stamp } from './format';
import { errorText, sectionTitle, tr } from './i18n';
import { REPORT_SECTIONS } from '../../protocol/report-enums';

/** cấp trên's word on the latest sent version (from reportReviews, through reportStanding). */
export function ReviewNote({ view }: { view: ReportView }) {
  const r = view.standing.review;
  if (!r) return null;
  const params = { parent: view.unit?.parentUnit ?? '', n: r.version, time: stamp(r.reviewedAt) };
  const isReturned = r.decision === 'returned';
  return (
    <div class={`notice report-review ${isReturned ? 'returned' : 'received'}`} role="status" data-testid="report-review">
      <p>{isReturned ? tr('reviewReturned', params) : tr('reviewReceived', params)}</p>
      {r.comment && (
        <p>
          <span class="muted">{tr('reviewComment')}</span> {r.comment}
        </p>
      )}
    </div>
  );
}

function SyncLine({ view, version }: { view: ReportView; version: number }) {
  if (!view.hasServer)
    return (
      <p class="muted small">
        {tr('syncLocal')} <a href="/sync">{tr('openSync')}</a>
      </p>
    );
  return <p class="muted small">{view.unsynced.includes(version) ? tr('syncPending') : tr('syncDone')}</p>;
}

export function SentPanel({ view }: { view: ReportView }) {
  const [message, setMessage] = useState<string>();
  const [isBusy, setBusy] = useState(false);
  const latest = view.versions[view.versions.length - 1];
  const s = view.standing;
  const next = async () => {
    setBusy(true);
    setMessage(undefined);
    try {
      await startNextVersion(view.id);
    } catch (e) {
      setMessage(errorText(e));
      setBusy(false);
    }
  };
  return (
    <section class="report-sent" data-testid="report-sent">
      <div class="report-status">
        {/* returned by cấp trên: not the green "sent" chip (found in use: it stayed green while the list said "Bị trả lại") */}
        <span class={s.state === 'returned' ? 'badge returned' : 'badge final'}>
          {tr(s.state === 'returned' ? 'returnedBadge' : 'sentBadge', { n: view.row?.version ?? latest?.version ?? 1 })}
        </span>
      </div>
      {latest && (
        <div class="card">
          <p>{latest.submittedBy ? tr('sentAt', { n: latest.version, time: stamp(latest.submittedAt), by: latest.submittedBy }) : tr('sentAtNoName', { n: latest.version, time: stamp(latest.submittedAt) })}</p>
          <SyncLine view={view} version={latest.version} />
          {s.onTime !== undefined && <p class="small">{s.onTime ? tr('onTimeNote', { date: formatDate(s.dueOn) }) : tr('lateNote', { date: formatDate(s.dueOn) })}</p>}
          {!s.review && <p class="muted small">{tr('reviewWaiting')}</p>}
        </div>
      )}
      <ReviewNote view={view} />
      <ChangedSince view={view} />
      <button type="button" class={`btn block w ${s.review?.decision === 'returned' ? 'primary' : ''}`} onClick={next} disabled={isBusy}>
        {tr('nextVersion', { n: (view.row?.version ?? 0) + 1 })}
      </button>
      <p class="muted small w">{tr('nextVersionHint')}</p>
      {message && (
        <p class="error" role="alert">
          {message}
        </p>
      )}
    </section>
  );
}

/**
 * Sections of the working copy that differ from the version sent: a deputy's offline edit that
 * reached the server after the secretary sent (found in use) is not in what cấp trên received,
 * and went there without a word. It goes into the next version, if one is made.
 */
function ChangedSince({ view }: { view: ReportView }) {
  const latest = view.versions[view.versions.length - 1];
  const row = view.row as (Record<string, unknown> & { status?: string }) | undefined;
  if (!latest || !row || row.status !== 'submitted') return null;
  const changed = REPORT_SECTIONS.filter((k) => (row[k] ?? '') !== (latest.sections[k] ?? ''));
  if (!changed.length) return null;
  return (
    <p class="notice" role="status" data-testid="report-changed-since">
      {tr('changedSince', { n: latest.version, sections: changed.map(sectionTitle).join(', ') })}
    </p>
  );
}

export function VersionList({ view }: { view: ReportView }) {
  if (!view.versions.length) return null;
  return (
    <section class="card report-versions" aria-labelledby="report-versions-h">
      <h2 id="report-versions-h">{tr('versionsTitle')}</h2>
      <ul>
        {[...view.versions].reverse().map((v) => (
          <li key={v.version}>
            <a href={`/reports/${view.id}/print?v=${v.version}`} aria-label={tr('printSent', { n: v.version })}>
              {tr('versionLine', { n: v.version, time: stamp(v.submittedAt) })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
