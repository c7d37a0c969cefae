// /reports/:id — one period's report (id = report:2026:q1 …): not started (its due date and
// "Bắt đầu viết báo cáo"), the draft being written (ReportEditor), or sent (SentPanel), with
// every sent version listed. The figures are read apart from the report row and again when
// their records change, so a keystroke's save does not recompute them.
import { useRoute } from 'preact-iso';
import { t } from '../../i18n';
import { useLive } from '../../data/live';
import { useBulkLive } from '../../data/live-bulk';
import { todayIso } from '../../lib/dates';
import { periodLabel, reportSubject } from './period-label';
import { loadReportView, type ReportView } from './report-editor-queries';
import { loadReportFigures, REPORT_TABLES } from './report-queries';
import { ReportEditor } from './ReportEditor';
import { StartPanel } from './StartPanel';
import { SentPanel, VersionList } from './SentPanel';
import { tr } from './i18n';
import './reports.css';

function DraftView({ view }: { view: ReportView }) {
  const p = view.period;
  // A plain read run again when one of the figures' tables changes (not a liveQuery: a
  // 5,000-member quarter reads too many rows for its bookkeeping, data/live-bulk.ts).
  const figures = useBulkLive(() => loadReportFigures(p, todayIso()), REPORT_TABLES, [view.id, p.from, p.to]);
  return <ReportEditor key={`${view.id}:${view.row!.version}`} view={view} figures={figures.value} />;
}

export default function ReportPage() {
  const { params } = useRoute();
  const id = decodeURIComponent(params.id ?? '');
  const live = useLive(async () => loadReportView(id, todayIso()), [id]);
  const view = live.value;
  return (
    <main class="page report">
      <a class="back" href="/reports">
        ← {tr('back')}
      </a>
      <h1>
        {view ? periodLabel(view.period) : tr('title')}
        {view && <span class="report-h1-sub">{reportSubject(view.period)}</span>}
      </h1>
      {!live.isLoaded && <p class="muted">{t('common.loading')}</p>}
      {live.isLoaded && live.error !== undefined && (
        <p class="error" role="alert">
          {tr('loadError')}
        </p>
      )}
      {live.isLoaded && !live.error && !view && <p>{tr('notFound')}</p>}
      {view && !view.row && <StartPanel view={view} />}
      {view?.row?.status === 'draft' && (
        <>
          {/* a reader sees the draft on A4 (marked as a draft) instead of the editor */}
          <p class="r" hidden>
            <a class="btn block" href={`/reports/${view.id}/print`}>
              {tr('printDraft')}
            </a>
          </p>
          <div class="w">
            <DraftView view={view} />
          </div>
        </>
      )}
      {view?.row?.status === 'submitted' && <SentPanel view={view} />}
      {view && <VersionList view={view} />}
    </main>
  );
}
