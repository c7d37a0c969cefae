// /reports/settings — when the unit's reports are due: the days after a period ends
// (unitSettings.reportDueDays; empty = DEFAULT_REPORT_DUE_DAYS), with an example of the dates
// it gives. Says in plain words that cấp trên may set its own later, and that a report already
// sent keeps the due date it was sent under.
import { useState } from 'preact/hooks';
import { tDynamic } from '../../i18n';
import { useLive } from '../../data/live';
import { formatDate } from '../../lib/dates';
import { DEFAULT_REPORT_DUE_DAYS } from '../../protocol/report-enums';
import { dueOn, reportPeriod } from '../../protocol/report-period';
import { TextField } from '../../ui/fields';
import { getReportDueDays } from './report-list-queries';
import { errorText, rl } from './list-i18n';
import './report-list.css';

export default function ReportSettingsPage() {
  const current = useLive(async () => getReportDueDays(), []);
  if (current.error) return <main class="page"><p class="error" role="alert">{errorText(current.error)}</p></main>;
  if (!current.value) return <main class="page"><p class="muted">{tDynamic('common.loading')}</p></main>;
  return <Form days={current.value.isSet ? String(current.value.days) : ''} />;
}

/** The days typed: a whole number 0–90, or empty for the default; undefined when not one. */
function parseDays(raw: string): number | undefined {
  const s = raw.trim();
  if (s === '') return DEFAULT_REPORT_DUE_DAYS;
  return /^\d{1,3}$/.test(s) && Number(s) <= 90 ? Number(s) : undefined;
}

function Form({ days }: { days: string }) {
  const [value, setValue] = useState(days);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const n = parseDays(value);
  // the example: this year's first two quarters (calendar quarters for every unit); the same
  // delay follows the half-years and the year, whichever year the unit keeps
  const year = new Date().getFullYear();
  const due = (q: number) => formatDate(dueOn(reportPeriod('quarter', year, q), n ?? 0));
  const example = n === undefined ? '' : rl('example', { n, q1: due(1), q2: due(2) });

  const save = async (e: Event) => {
    e.preventDefault();
    setNotice('');
    if (n === undefined) return setError(tDynamic('err.days'));
    setError('');
    try {
      const { setReportDueDays } = await import('./report-settings-repo');
      await setReportDueDays(n);
      setNotice(rl('saved'));
    } catch (x) {
      setError(errorText(x));
    }
  };

  return (
    <main class="page report-form">
      <a class="back" href="/reports">← {rl('title')}</a>
      <h1>{rl('settingsTitle')}</h1>
      <p>{rl('settingsLead', { n: DEFAULT_REPORT_DUE_DAYS })}</p>
      <p class="muted small">{rl('settingsLater')}</p>
      <form class="card" onSubmit={save} novalidate>
        <TextField id="rp-days" label={rl('fDays')} hint={rl('fDaysHint', { n: DEFAULT_REPORT_DUE_DAYS })} inputMode="numeric" value={value} error={error} onInput={(v) => { setValue(v); setNotice(''); }} />
        {example && <p class="example small">{example}</p>}
        <p class="muted small">{rl('settingsKept')}</p>
        {notice && <p class="ok" role="status">{notice}</p>}
        <div class="form-actions">
          <button type="button" class="btn" onClick={() => { setValue(''); setError(''); setNotice(''); }}>{rl('useDefault')}</button>
          <button type="submit" class="btn primary">{tDynamic('common.save')}</button>
        </div>
      </form>
    </main>
  );
}
