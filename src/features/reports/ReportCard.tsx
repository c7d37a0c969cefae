// Home's reports card (issue 10 item 4), loaded after Home's first paint (reports/index.ts
// loadReportCard): a line for each report due within REPORT_REMIND_DAYS or late — "Báo cáo quý I
// năm 2026: hạn 10/04, còn 3 ngày" — opening it, then the way to the reports list. Not in the
// precache: offline before its first download, Home simply shows no card.
import { useLive } from '../../data/live';
import { todayIso } from '../../lib/dates';
import { loadReminders } from './report-list-queries';
import { rl } from './list-i18n';
import { reminderText } from './standing-text';
import './report-list.css';

export default function ReportCard() {
  const today = todayIso();
  const data = useLive(async () => loadReminders(today), [today]);
  if (!data.value) return null;
  const due = data.value;
  // One card: the way to the list, and under it a line per report due or late (three reports
  // are often due the same day at year end: lines, not three cards, keep Home short).
  return (
    <section class={`card rp-home${due.some((i) => i.standing.late) ? ' late' : due.length ? ' soon' : ''}`}>
      <a class="rp-home-head" href="/reports">
        <span>
          <strong>{rl('cardTitle')}</strong>
          <span class="muted small">{rl('cardHint')}</span>
        </span>
        <span aria-hidden="true">›</span>
      </a>
      {due.length > 0 && (
        <ul class="rp-home-due">
          {due.map((i) => (
            <li key={i.id}>
              <a class={`rp-remind ${i.standing.late ? 'late' : 'soon'}`} href={`/reports/${i.id}`}>
                <span class="what">{i.standing.late ? '⚠️ ' : ''}{reminderText(i, today)}</span>
                <span aria-hidden="true">›</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
