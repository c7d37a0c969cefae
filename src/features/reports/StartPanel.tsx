// A period whose report is not started: its name, due date and "Bắt đầu viết báo cáo", which
// computes the figures from the period's records and starts the draft with their sentences.
import { useState } from 'preact/hooks';
import { formatDate, todayIso } from '../../lib/dates';
import { startReport } from './reports-repo';
import { loadReportFigures } from './report-queries';
import type { ReportView } from './report-editor-queries';
import { errorText, tr } from './i18n';

export function StartPanel({ view }: { view: ReportView }) {
  const [isBusy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const today = todayIso();
  const notBegun = view.period.from > today;
  const start = async () => {
    setBusy(true);
    setMessage(undefined);
    try {
      const figures = await loadReportFigures(view.period, today);
      await startReport(view.period, figures, today);
      // The page re-renders as the draft from the live query.
    } catch (e) {
      setMessage(errorText(e));
      setBusy(false);
    }
  };
  return (
    <section class="card report-start">
      <p>{tr('dueOn', { date: formatDate(view.dueOn) })}</p>
      {notBegun ? (
        <p class="muted">{tr('notBegun')}</p>
      ) : (
        <>
          <p class="muted small w">{tr('startHint')}</p>
          <button type="button" class="btn primary block w" onClick={start} disabled={isBusy}>
            {isBusy ? tr('starting') : tr('start')}
          </button>
        </>
      )}
      {message && (
        <p class="error" role="alert">
          {message}
        </p>
      )}
    </section>
  );
}
