// "Gửi báo cáo": asks first, saying plainly what it does — the figures and text are frozen as
// version n, which goes to cấp trên when the phone syncs, and a correction is a new version —
// then saves what is typed, computes the figures as they are now, and sends (reports-repo.ts
// writes the version and marks the row sent in one transaction).
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDate, todayIso } from '../../lib/dates';
import { UserError } from '../../lib/user-error';
import { markDirty } from '../../pwa/dirty';
import { clearRescue } from '../minutes';
import { submitReport } from './reports-repo';
import { loadReportFigures } from './report-queries';
import type { ReportView } from './report-editor-queries';
import { REPORT_FORM_ID } from './draft-keys';
import { t } from '../../i18n';
import { errorText, tr } from './i18n';

/**
 * `missing`: today's figure sentences not in the text. Sending freezes today's figures with
 * the text as typed: found in use, a report went up saying "1 buổi sinh hoạt, 92,9 %" over an
 * annex of 2 meetings at 96,4 %, the only sign a small hint under one section.
 */
export function SubmitPanel(p: { view: ReportView; rescueKey: string; saveFirst: () => Promise<boolean>; missing?: number }) {
  const [isAsking, setAsking] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const dialog = useRef<HTMLDivElement>(null);
  // The question opens at the bottom of a long form: bring it into view.
  useEffect(() => {
    if (isAsking) dialog.current?.scrollIntoView?.({ block: 'center' });
  }, [isAsking]);
  const n = p.view.row?.version ?? 1;

  const confirm = async () => {
    setBusy(true);
    setMessage(undefined);
    try {
      if (!(await p.saveFirst())) throw new UserError('err.unexpected');
      const figures = await loadReportFigures(p.view.period, todayIso());
      await submitReport(p.view.id, figures, new Date().toISOString());
      clearRescue(p.rescueKey);
      markDirty(REPORT_FORM_ID, false);
      // The page re-renders as sent from the live query.
    } catch (err) {
      setMessage(errorText(err));
      setBusy(false);
    }
  };

  return (
    <section class="report-submit">
      {!isAsking && (
        <button type="button" class="btn primary block" onClick={() => setAsking(true)}>
          {tr('submit')}
        </button>
      )}
      {isAsking && (
        <div ref={dialog} class="card confirm" role="alertdialog" aria-labelledby="submit-title" aria-describedby="submit-explain">
          <h2 id="submit-title">{tr('submitTitle', { n })}</h2>
          <p id="submit-explain">{tr('submitExplain', { n, parent: p.view.unit?.parentUnit ?? '' })}</p>
          {todayIso() < p.view.period.to && <p class="error">{tr('submitEarly', { date: formatDate(p.view.period.to) })}</p>}
          {!!p.missing && (
            <p class="error" role="alert">
              {tr('submitStale', { n: p.missing })}
            </p>
          )}
          <div class="form-actions">
            <button type="button" class="btn" onClick={() => setAsking(false)} disabled={isBusy}>
              {t('common.cancel')}
            </button>
            <button type="button" class="btn primary" onClick={confirm} disabled={isBusy}>
              {isBusy ? tr('submitting') : tr('submitConfirm')}
            </button>
          </div>
        </div>
      )}
      {message && (
        <p class="error" role="alert">
          {message}
        </p>
      )}
      <a class="btn block" href={`/reports/${p.view.id}/print`}>
        {tr('printDraft')}
      </a>
    </section>
  );
}
